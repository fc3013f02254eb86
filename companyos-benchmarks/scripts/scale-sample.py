#!/usr/bin/env python3
"""Writes a files folder N times the sample company: every CSV of SRC (from `companyos sample export SRC`) repeated
N times, copy k > 0 with its ids prefixed "k-" (ids, references to ids, and the accounts, users and sessions they
name), its metric series labelled copy=k, so that ids stay unique and every copy is a whole company of its own.

Usage: scale-sample.py SRC DST N
"""
import csv
import os
import sys

ID_COLUMNS = {"change_id", "deploy_id", "incident_id", "root_cause_deploy", "vuln_id", "user_id", "account_id",
              "session_id", "ticket_id", "sprint_id", "item_id", "pr_id", "build_id", "event_id", "objective_id",
              "key_result_id", "action_id", "meeting_id", "decision_id"}
LIST_COLUMNS = {"changes"}  # ';'-separated change ids


def main(src, dst, n):
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        with open(os.path.join(dst, name), "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(header)
            for k in range(n):
                for row in body:
                    if k > 0:
                        row = [copy_cell(col, cell, k) for col, cell in zip(header, row)]
                    w.writerow(row)


def copy_cell(column, cell, k):
    if cell == "":
        return cell
    if column in ID_COLUMNS:
        return f"{k}-{cell}"
    if column in LIST_COLUMNS:
        return ";".join(f"{k}-{c}" for c in cell.split(";"))
    if column == "labels":
        return cell + (";" if cell else "") + f"copy={k}"
    return cell


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
