#!/usr/bin/python3
"""Reference modularity of igraph's Louvain (community_multilevel, Blondel et al. 2008) over many seeds.

Builds the graph Chorus builds with --undirected: one edge per unordered pair, the weights of all its rows
(both directions, duplicates) summed, self-loops dropped; then runs community_multilevel(weights="weight")
with Python's random.seed(s) for s in 0..SEEDS-1 (python-igraph draws from Python's RNG) and prints the mean,
standard deviation, minimum and maximum modularity. LouvainTest cites its output.

Debian python3-igraph (apt-get install -y python3-igraph; run with /usr/bin/python3):
  scripts/louvain-igraph.py datasets/email-eu-core/email-Eu-core.txt.gz
  scripts/louvain-igraph.py datasets/college-msg/CollegeMsg.txt.gz   (the third column is a timestamp: ignored)
  scripts/louvain-igraph.py datasets/nethept/NetHEPT_directed_wc.txt.gz --skip 1 --weighted
"""
import argparse
import gzip
import random
import statistics

import igraph


def simple_graph(path, skip, weighted):
    ids, weight = {}, {}
    with gzip.open(path, "rt") if path.endswith(".gz") else open(path) as f:
        for number, line in enumerate(f):
            if number < skip or line.startswith(("#", "%")) or not line.strip():
                continue
            fields = line.split()
            u = ids.setdefault(fields[0], len(ids))
            v = ids.setdefault(fields[1], len(ids))
            if u != v:
                pair = (min(u, v), max(u, v))
                weight[pair] = weight.get(pair, 0.0) + (float(fields[2]) if weighted else 1.0)
    g = igraph.Graph(n=len(ids), edges=list(weight))
    g.es["weight"] = list(weight.values())
    return g


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path")
    p.add_argument("--skip", type=int, default=0, help="lines to skip first (a 'n m' line)")
    p.add_argument("--weighted", action="store_true", help="the third column is the weight (else 1 per row)")
    p.add_argument("--seeds", type=int, default=100)
    a = p.parse_args()
    g = simple_graph(a.path, a.skip, a.weighted)
    q = []
    for s in range(a.seeds):
        random.seed(s)
        q.append(g.community_multilevel(weights="weight").modularity)
    print(f"{a.path}: igraph {igraph.__version__}, {g.vcount()} nodes, {g.ecount()} edges, seeds 0..{a.seeds - 1}: "
          f"mean {statistics.mean(q):.5f} sd {statistics.stdev(q):.5f} min {min(q):.5f} max {max(q):.5f}")


if __name__ == "__main__":
    main()
