"""`aicycle watch`: know the hour a checkpoint moves.

The watcher runs the live refresh on a schedule, compares the store with what it last announced
and sends events (new filings and releases, capex guidance revisions, checkpoint and verdict
changes, tone shifts, GPU price moves, new compute contracts, failing sources) to the terminal, a
JSON-lines log, an Atom feed and webhooks, exactly once. `detect` finds events, `state` keeps the
announced state and the outbox in the store, `deliver` sends, `run` ties them together and replays
history day by day. docs/watch.md describes the rules and thresholds.
"""
