//! How one list of children becomes the next with the fewest DOM operations. Keyed children
//! (list items) are matched by key wherever they moved; the others by their order among
//! the unkeyed ones. Of the matched children, those on a longest increasing run of old
//! positions stay where they are; only the rest move.

use std::collections::HashMap;

/// What to do to turn the old children into the new ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChildPlan {
    /// For each new child, the old child it updates, or `None` when it is created.
    pub sources: Vec<Option<usize>>,
    /// Old children no new child takes over: removed.
    pub removed: Vec<usize>,
    /// New children (by new position) whose reused node has to move.
    pub moved: Vec<usize>,
}

impl ChildPlan {
    /// How many nodes are created, removed or moved.
    pub fn operations(&self) -> usize {
        self.sources.iter().filter(|s| s.is_none()).count() + self.removed.len() + self.moved.len()
    }
}

/// Lists longer than this find their keys through a map; shorter ones (a screenful, the usual
/// case) by a scan, which costs less than hashing.
const SCAN: usize = 64;

/// Plans the change from children with keys `old` to children with keys `new`.
pub fn plan_children(old: &[Option<&str>], new: &[Option<&str>]) -> ChildPlan {
    let mut unkeyed = (0..old.len()).filter(|i| old[*i].is_none());
    let mut taken = vec![false; old.len()];
    // For long lists (a board column shown a few pages deep): each key's old positions, last
    // first, so that a pop gives the first one not yet taken, as the scan would.
    let mut positions: Option<HashMap<&str, Vec<usize>>> = (old.len() > SCAN).then(|| {
        let mut map: HashMap<&str, Vec<usize>> = HashMap::with_capacity(old.len());
        for (i, k) in old.iter().enumerate().rev() {
            if let Some(k) = k {
                map.entry(*k).or_default().push(i);
            }
        }
        map
    });
    let sources: Vec<Option<usize>> = new
        .iter()
        .map(|k| {
            let found = match (k, positions.as_mut()) {
                (Some(k), Some(map)) => map.get_mut(k).and_then(Vec::pop),
                (Some(_), None) => (0..old.len()).find(|i| !taken[*i] && old[*i] == *k),
                (None, _) => unkeyed.next(),
            };
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        })
        .collect();
    let removed = (0..old.len()).filter(|i| !taken[*i]).collect();
    let reused: Vec<(usize, usize)> = sources
        .iter()
        .enumerate()
        .filter_map(|(n, s)| s.map(|o| (n, o)))
        .collect();
    let stay = longest_increasing(&reused.iter().map(|(_, o)| *o).collect::<Vec<_>>());
    let moved = reused
        .iter()
        .enumerate()
        .filter(|(i, _)| !stay[*i])
        .map(|(_, (n, _))| *n)
        .collect();
    ChildPlan {
        sources,
        removed,
        moved,
    }
}

/// Marks the members of one longest strictly increasing subsequence of `xs`.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // tails[k]: index in xs of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let at = tails.partition_point(|&t| xs[t] < x);
        if at > 0 {
            prev[i] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = (prev[i] != usize::MAX).then(|| prev[i]);
    }
    keep
}
