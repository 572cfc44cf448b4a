"""Imported once by the fork server of ``kg build --jobs N`` (see kg.pipeline._workers).

It loads the spaCy pipeline the workers will use, so that each worker forked from the
server starts with the model in memory (shared with the server until written) instead of
loading it again. The model's name comes in KG_WORKER_MODEL ("" for the default).
"""

from __future__ import annotations

import contextlib
import os

from .nlp import load_model

with contextlib.suppress(Exception):  # a worker loads it again and reports the error as a build would
    load_model(os.environ.get("KG_WORKER_MODEL") or None)
