//! Stable sorting with one compiled sort for every element type.
//!
//! The standard library compiles its sort again for each element type and comparison, a few
//! kilobytes of WebAssembly every time. Here the order is worked out once, on positions, by a
//! merge sort that is not generic (the comparison reaches it as `dyn`); what stays generic
//! per call is the comparison itself and moving the elements into that order. Every sort in the
//! crate goes through these functions, so equal elements keep their order everywhere; maps
//! and sets are built by [`map`] and [`set`], which insert instead of sorting.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, keeping equal elements in their order (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    if let Some(order) = order {
        permute(v, order);
    }
}

/// Sorts `v` by the key `key` gives each element, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The pairs as a map, a later value replacing an earlier one for the same key: what
/// `collect()` makes, without the sort it compiles for each pair type.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    out.extend(pairs);
    out
}

/// The items as a set (see [`map`]).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut out = BTreeSet::new();
    out.extend(items);
    out
}

/// Elements in a run sorted by insertion before merging.
const RUN: usize = 8;

/// The positions of `0..n` in sorted order: `order[k]` is the position of the element that
/// goes to `k`. `None` when the elements are in order already.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Option<Vec<u32>> {
    if (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return None;
    }
    let after = |cmp: &mut dyn FnMut(usize, usize) -> Ordering, a: u32, b: u32| {
        cmp(a as usize, b as usize) == Ordering::Greater
    };
    let mut a: Vec<u32> = (0..n as u32).collect();
    for start in (0..n).step_by(RUN) {
        for i in start + 1..(start + RUN).min(n) {
            let mut j = i;
            while j > start && after(cmp, a[j - 1], a[j]) {
                a.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut b = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                if j >= hi || (i < mid && !after(cmp, a[i], a[j])) {
                    *slot = a[i];
                    i += 1;
                } else {
                    *slot = a[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    Some(a)
}

/// Moves each element of `v` to its place in `order` (see [`order`]), one cycle at a time.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 7, 8, 9, 16, 17, 63, 64, 65, 200, 1000] {
            let v: Vec<(u8, u32)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |e| e.0);
            let mut std = v.clone();
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std, "{n} elements");
            let mut desc = v.clone();
            sort_by(&mut desc, |a, b| b.cmp(a));
            let mut std = v;
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(desc, std, "{n} elements, descending");
        }
    }

    #[test]
    fn leaves_sorted_input_alone() {
        let mut v = vec![1, 2, 2, 3];
        sort(&mut v);
        assert_eq!(v, [1, 2, 2, 3]);
    }
}
