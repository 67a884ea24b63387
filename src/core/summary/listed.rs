//! A list the summary keeps in order and cut short (the possible replies, the interviews),
//! with the number of all its items, when one application's items change.

use std::cmp::Ordering;

/// `list` (in `order`, at most `cap` items of `count`) once the items `is_old` (`removed` of
/// the count) are replaced by `added`. When items were left out at the end, an added item
/// after the last one held may sort after items the list does not know, so it is left out
/// too.
pub fn replace<T: Clone>(
    (list, count, cap): (&mut Vec<T>, &mut u32, usize),
    order: fn(&T, &T) -> Ordering,
    removed: usize,
    is_old: impl Fn(&T) -> bool,
    added: impl IntoIterator<Item = T>,
) {
    let all = list.len() >= *count as usize;
    *count = count.saturating_sub(u32::try_from(removed).unwrap_or(u32::MAX));
    let last = list.last().cloned();
    list.retain(|x| !is_old(x));
    for x in added {
        *count = count.saturating_add(1);
        let fits = all
            || last
                .as_ref()
                .is_some_and(|l| order(&x, l) != Ordering::Greater);
        if fits {
            let at = list.partition_point(|e| order(e, &x) == Ordering::Less);
            list.insert(at, x);
        }
    }
    list.truncate(cap);
}
