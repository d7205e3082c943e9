#!/usr/bin/env python3
"""Checks the SQL of docs/warehouse.md against the core's own triangle.

1. Generates a small raw activity file with core/examples/gen_activity.rs.
2. Runs the DuckDB query from docs/warehouse.md on it (pip install duckdb).
3. Runs the PostgreSQL query from the same page on a private, socket-only PostgreSQL cluster in a
   temporary folder, when PostgreSQL's server binaries are installed (skipped otherwise).
4. Computes the triangle with the core (core/examples/triangle_csv.rs) from the raw file, and
   again from the SQL output read back as a long cohort table.
5. Prints `match` or `mismatch` for each comparison and exits non-zero on any mismatch.

Usage: python3 bench/check_warehouse_sql.py [size_mb] [seed]
"""

import csv
import glob
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "target", "release", "examples")


def sql_block(dialect):
    """The first ```sql block under the '## <dialect>' heading of docs/warehouse.md."""
    text = open(os.path.join(ROOT, "docs", "warehouse.md"), encoding="utf-8").read()
    section = text.split(f"## {dialect}\n", 1)[1]
    return re.search(r"```sql\n(.*?)```", section, re.S).group(1)


def build():
    subprocess.run(
        ["cargo", "build", "--release", "-p", "retention-core",
         "--example", "gen_activity", "--example", "triangle_csv"],
        cwd=ROOT, check=True,
    )


def cells_from_csv(text):
    """{(cohort, period): (active, revenue)} from a long table's CSV text."""
    cells = {}
    for row in csv.DictReader(io.StringIO(text)):
        revenue = float(row["revenue"]) if row["revenue"] not in ("", None) else 0.0
        cells[(row["cohort"], int(row["period"]))] = (int(row["active"]), revenue)
    return cells


def cells_from_rows(rows):
    return {(c, int(p)): (int(a), float(r)) for c, p, a, r in rows}


def to_csv(cells):
    out = io.StringIO()
    out.write("cohort,period,active,revenue\n")
    for (c, p), (a, r) in sorted(cells.items()):
        out.write(f"{c},{p},{a},{r:.4f}\n")
    return out.getvalue()


def core_cells(path):
    done = subprocess.run([os.path.join(EXAMPLES, "triangle_csv"), path],
                          capture_output=True, text=True, check=True)
    print("  core:", done.stderr.strip())
    return cells_from_csv(done.stdout)


def compare(name, expected, got):
    problems = []
    for key in sorted(set(expected) | set(got)):
        a, b = expected.get(key), got.get(key)
        if a is None or b is None or a[0] != b[0] or abs(a[1] - b[1]) > 0.005:
            problems.append((key, a, b))
    verdict = "match" if not problems else "mismatch"
    print(f"{name}: {verdict} ({len(expected)} cells)")
    for p in problems[:10]:
        print("   ", p)
    return not problems


def run_duckdb(events):
    import duckdb

    con = duckdb.connect()
    con.execute(
        "CREATE VIEW events AS SELECT customer_id, \"date\" AS event_date, amount "
        f"FROM read_csv('{events}', header = true, columns = "
        "{'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})"
    )
    return cells_from_rows(con.execute(sql_block("DuckDB")).fetchall())


def run_postgres(events, workdir):
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins or shutil.which("psql") is None:
        return None
    bindir = bins[-1]
    os.makedirs(workdir)
    data = os.path.join(workdir, "pg")
    sock = os.path.join(workdir, "sock")
    os.makedirs(sock)
    # PostgreSQL refuses to run as root: run it as the postgres user, on a Unix socket only.
    as_pg = ["su", "postgres", "-c"] if os.geteuid() == 0 else ["sh", "-c"]
    os.chmod(workdir, 0o777)
    shutil.chown(sock, "postgres") if os.geteuid() == 0 else None
    shutil.copy(events, os.path.join(workdir, "events.csv"))
    os.chmod(os.path.join(workdir, "events.csv"), 0o644)
    subprocess.run(as_pg + [f"{bindir}/initdb -D {data} -A trust -U postgres >/dev/null"], check=True)
    subprocess.run(as_pg + [f"{bindir}/pg_ctl -D {data} -l {workdir}/pg.log -w start "
                            f"-o \"-p 55432 -k {sock} -c listen_addresses=''\" >/dev/null"], check=True)
    try:
        psql = ["psql", "-h", sock, "-p", "55432", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q"]
        subprocess.run(psql + ["-c", "CREATE TABLE events(customer_id text, event_date date, amount numeric)"], check=True)
        subprocess.run(psql + ["-c", f"\\copy events FROM '{workdir}/events.csv' WITH (FORMAT csv, HEADER)"], check=True)
        query = sql_block("PostgreSQL").strip().rstrip(";")
        out = subprocess.run(psql + ["-c", f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)"],
                             capture_output=True, text=True, check=True).stdout
        return cells_from_csv(out)
    finally:
        subprocess.run(as_pg + [f"{bindir}/pg_ctl -D {data} -m fast -w stop >/dev/null"], check=False)


def main():
    size = sys.argv[1] if len(sys.argv) > 1 else "1"
    seed = sys.argv[2] if len(sys.argv) > 2 else "7"
    build()
    ok = True
    with tempfile.TemporaryDirectory(prefix="warehouse_check_") as tmp:
        os.chmod(tmp, 0o755)  # the postgres user must reach its folder inside
        events = os.path.join(tmp, "events.csv")
        subprocess.run([os.path.join(EXAMPLES, "gen_activity"), size, seed, events], check=True)
        print("core from the raw events")
        core = core_cells(events)
        started = time.perf_counter()
        duck = run_duckdb(events)
        print(f"  duckdb query: {time.perf_counter() - started:.3f} s")
        ok &= compare("duckdb SQL vs core triangle", core, duck)
        long_path = os.path.join(tmp, "duck_long.csv")
        open(long_path, "w").write(to_csv(duck))
        print("core from the DuckDB output read as a long cohort table")
        ok &= compare("core(long table from duckdb) vs core(raw)", core, core_cells(long_path))
        pg = run_postgres(events, os.path.join(tmp, "pgwork"))
        if pg is None:
            print("postgresql: untested (no server binaries)")
        else:
            ok &= compare("postgresql SQL vs core triangle", core, pg)
    print("ALL MATCH" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
