#!/usr/bin/env python3
"""The same sums as govreport check, in plain Python: the baseline a script writer would reach for.

Usage: sums.py FILE-OR-DIR...  Prints the number of files and of failed sums; exit 1 if any.
"""
import json
import os
import sys

COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other"]
REVIEW = ["upheld", "corrected", "other", "pending"]


def value(cell):
    return 0 if cell == "/" else cell


def rows_under(node, out):
    """Collects the data rows below a group object (those with applicant columns)."""
    for key, child in node.items():
        if key == "total":
            continue
        if "natural_person" in child:
            out.append(child)
        else:
            rows_under(child, out)
    return out


def check(data):
    errors = 0
    apps = data["applications"]
    rows = [apps["received"], apps["carried_over"], apps["carried_forward"]]
    results = rows_under(apps["results"], [])
    for row in rows + results + [apps["results"]["total"]]:
        cells = [row[c] for c in COLUMNS]
        if None in cells or row.get("total") is None:
            continue
        errors += sum(value(c) for c in cells) != value(row["total"])
    for col in COLUMNS + ["total"]:
        parts = [r[col] for r in results]
        total = apps["results"]["total"][col]
        if None not in parts and total is not None:
            errors += sum(value(p) for p in parts) != value(total)
        terms = [apps["received"][col], apps["carried_over"][col], apps["results"]["total"][col], apps["carried_forward"][col]]
        if None not in terms:
            errors += value(terms[0]) + value(terms[1]) != value(terms[2]) + value(terms[3])
    for block in data["reviews"].values():
        parts = [block[c] for c in REVIEW]
        if None not in parts and block["total"] is not None:
            errors += sum(value(p) for p in parts) != value(block["total"])
    return errors


def main():
    files = []
    for arg in sys.argv[1:]:
        if os.path.isdir(arg):
            for root, _, names in os.walk(arg):
                files += [os.path.join(root, n) for n in names if n.endswith(".json")]
        else:
            files.append(arg)
    failed = 0
    for name in sorted(files):
        with open(name, encoding="utf-8") as f:
            failed += check(json.load(f))
    print(f"{len(files)} files, {failed} failed sums")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
