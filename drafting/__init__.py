"""The pure core: plain data in, plain data out, no Django.

Library types and clause files (`library`), the draft spec (`spec`), numbering,
assembly into the document IR (`document`), option summaries and annotations,
edition and upgrade logic, parsing outside documents (`parse`), the compliance
lint (`lint`), the document diff (`diff`) and every renderer (`render`).

Nothing here imports Django or the apps; `tests/drafting/test_import_contract.py`
checks it in CI.
"""
