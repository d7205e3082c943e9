#!/usr/bin/env python3
"""Times the reference tools on the same activity file as `core/examples/bench_ingest.rs`.

Both do the same work as the core: read the CSV, take each customer's first active month as
their cohort, and count DISTINCT customers per (cohort, months since cohort). DuckDB runs with
`SET threads=1`, like the single-threaded WebAssembly core.

Usage: python3 bench/reference_pandas_duckdb.py <activity.csv>
Needs: pip install pandas duckdb
"""

import sys
import time


def run_pandas(path):
    import pandas as pd

    started = time.perf_counter()
    df = pd.read_csv(path, usecols=["customer_id", "date"], dtype={"customer_id": "string"})
    date = pd.to_datetime(df["date"], format="%Y-%m-%d")
    month = date.dt.year * 12 + date.dt.month - 1
    df = pd.DataFrame({"customer_id": df["customer_id"], "month": month})
    cohort = df.groupby("customer_id")["month"].transform("min")
    df["cohort"] = cohort
    df["k"] = df["month"] - cohort
    cells = df.groupby(["cohort", "k"])["customer_id"].nunique()
    seconds = time.perf_counter() - started
    return seconds, len(df), cells


def run_duckdb(path):
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads=1")
    started = time.perf_counter()
    rows = con.execute(
        f"""
        WITH ev AS (
            SELECT customer_id, year("date") * 12 + month("date") - 1 AS m
            FROM read_csv('{path}', header = true,
                          columns = {{'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'}})
        ),
        firsts AS (SELECT customer_id, min(m) AS cohort FROM ev GROUP BY customer_id)
        SELECT f.cohort, ev.m - f.cohort AS k, count(DISTINCT ev.customer_id) AS active
        FROM ev JOIN firsts f USING (customer_id)
        GROUP BY ALL ORDER BY 1, 2
        """
    ).fetchall()
    seconds = time.perf_counter() - started
    return seconds, rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    p_seconds, p_rows, p_cells = run_pandas(path)
    print(f"pandas seconds={p_seconds:.3f} rows={p_rows} cells={len(p_cells)}")
    d_seconds, d_rows = run_duckdb(path)
    print(f"duckdb seconds={d_seconds:.3f} cells={len(d_rows)}")
    same = {(int(c), int(k)): int(n) for (c, k), n in p_cells.items()} == {
        (int(c), int(k)): int(n) for c, k, n in d_rows
    }
    print(f"pandas and duckdb cells agree: {same}")


if __name__ == "__main__":
    main()
