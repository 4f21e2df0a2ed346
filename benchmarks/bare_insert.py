"""The bare baseline for demo generation: plain sqlite3 writing N customer-like rows with the same
indexes and pragmas the app uses, in one transaction. Usage: bare_insert.py DB N"""

import random
import sqlite3
import sys
from datetime import date, datetime, timedelta


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(1)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("""CREATE TABLE customer (id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL,
        name VARCHAR(60) NOT NULL, phone VARCHAR(20) NOT NULL, gender VARCHAR(1) NOT NULL,
        birthday DATE, source VARCHAR(20) NOT NULL, referrer_id INTEGER REFERENCES customer(id),
        staff_id INTEGER, notes TEXT NOT NULL, created_at DATETIME NOT NULL)""")
    for sql in ("CREATE INDEX ix_staff ON customer (staff_id)",
                "CREATE INDEX ix_created ON customer (store_id, created_at)",
                "CREATE INDEX ix_store ON customer (store_id)",
                "CREATE INDEX ix_phone ON customer (store_id, phone)"):
        con.execute(sql)
    start = datetime(2025, 1, 1, 9)
    rows = []
    for i in range(n):
        phone = f"13{rng.randrange(10**9):09d}"
        created = str(start + timedelta(minutes=rng.randrange(780_000)))
        rows.append((1, "王丽" + str(i % 97), phone, "f", str(date(1990, 1 + i % 12, 1 + i % 28)),
                     "walk_in", rng.randrange(1, i + 1) if i and i % 4 == 0 else None,
                     1 + i % 4, "", created))
    con.execute("BEGIN IMMEDIATE")
    con.executemany("INSERT INTO customer (store_id, name, phone, gender, birthday, source, "
                    "referrer_id, staff_id, notes, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    rows)
    con.execute("COMMIT")
    con.close()


if __name__ == "__main__":
    main()
