"""The monitor: watches news and policy that matter to Pakistan's freelancers and IT exporters.

Data flows one way, one module per stage::

    sources.yaml -> config -> fetch -> parse -> extract -> analyze (+facts) -> dedup -> store
    store -> digest -> mail;  store -> Datasette

Each stage takes and returns the small frozen dataclasses in :mod:`monitor.models`.
"""

__version__ = "0.1.0"
