#!/usr/bin/python3
"""igraph 0.10's Leiden on the graph Chorus's `communities --algo leiden` runs on, timed as a whole process.

Builds the graph Chorus's Leiden runs on (the undirected weighted view: one edge per unordered pair, the row counts
of both directions summed, self-loops dropped), runs community_leiden(objective_function="modularity",
weights="weight", n_iterations=2) (Chorus's defaults: modularity, resolution 1, 2 iterations), writes
`node,community` like Chorus, and prints JSON: seconds to read, to run Leiden, to write, the modularity and the
number of communities. Compare the process's wall time (`/usr/bin/time`) with Chorus's on the same file:
  /usr/bin/time -f %e scripts/leiden-igraph.py /tmp/g1m.txt --out /tmp/igraph.csv
  /usr/bin/time -f %e java -jar target/chorus.jar communities /tmp/g1m.txt --algo leiden --out /tmp/chorus.csv
Debian python3-igraph 0.10 (apt-get install -y python3-igraph; run with /usr/bin/python3). One thread.
"""
import argparse
import gzip
import json
import random
import time

import igraph


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path")
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    t0 = time.perf_counter()
    ids, weight = {}, {}
    with gzip.open(a.path, "rt") if a.path.endswith(".gz") else open(a.path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.split()
            u = ids.setdefault(fields[0], len(ids))
            v = ids.setdefault(fields[1], len(ids))
            if u != v:
                pair = (u, v) if u < v else (v, u)
                weight[pair] = weight.get(pair, 0.0) + 1.0
    g = igraph.Graph(n=len(ids), edges=list(weight))
    g.es["weight"] = list(weight.values())
    t1 = time.perf_counter()
    random.seed(a.seed)
    c = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    t2 = time.perf_counter()
    names = list(ids)
    with open(a.out, "w") as out:
        out.write("node,community\n")
        for node, community in zip(names, c.membership):
            out.write(f"{node},{community}\n")
    t3 = time.perf_counter()
    print(json.dumps({"read_s": round(t1 - t0, 3), "leiden_s": round(t2 - t1, 3), "write_s": round(t3 - t2, 3),
                      "modularity": g.modularity(c.membership, weights="weight"), "communities": len(c)}))


if __name__ == "__main__":
    main()
