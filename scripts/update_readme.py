"""Write the README's generated tables (record fields, outcome codes) from the code.

python scripts/update_readme.py          # rewrite README.md in place
python scripts/update_readme.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from scraper._docs import with_readme_tables

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> int:
    current = README.read_text(encoding="utf-8")
    updated = with_readme_tables(current)
    if "--check" in sys.argv[1:]:
        if updated != current:
            print("README.md's generated tables are out of date: run python scripts/update_readme.py")
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
