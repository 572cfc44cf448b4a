"""HTTP to one SPARQL 1.1 endpoint (``--store URL``): the query and update URLs, credentials, errors.

Form-encoded POST for queries and updates (some servers hang on other bodies), user and
password from the URL sent as Basic or Digest as the server asks, failures as one-line
StoreError or QueryError; and the two answers that differ between servers made canonical.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import QueryError, StoreError

if TYPE_CHECKING:
    import requests
    from requests.auth import AuthBase

JSON = "application/sparql-results+json"
_FORM = re.compile(
    r"^(?:\s+|#[^\n]*\n|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE
)
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_NT_BOOLEAN = re.compile(rb'"([01])"\^\^<' + XSD_BOOLEAN.encode() + rb">")


def graph_form(sparql: str) -> bool:
    """True for CONSTRUCT and DESCRIBE, whose answers are RDF rather than results.

    >>> graph_form("PREFIX a: <x:>\\n# all\\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }"), graph_form("ASK {}")
    (True, False)
    """
    found = _FORM.match(sparql)
    return found is not None and found.group(1).upper() in ("CONSTRUCT", "DESCRIBE")


def canonical(content: bytes, kind: str) -> bytes:
    """Virtuoso answers xsd:boolean as "0" and "1"; kg (and Oxigraph) write the canonical false and true."""
    if XSD_BOOLEAN.encode() not in content:
        return content
    if kind == "json":
        data = json.loads(content)
        for row in data.get("results", {}).get("bindings", []):
            for term in row.values():
                if term.get("datatype") == XSD_BOOLEAN and term.get("value") in ("0", "1"):
                    term["value"] = "true" if term["value"] == "1" else "false"
        return json.dumps(data).encode("utf-8")
    return _NT_BOOLEAN.sub(
        lambda m: b'"' + (b"true" if m[1] == b"1" else b"false") + b'"^^<' + XSD_BOOLEAN.encode() + b">", content
    )


class Endpoint:
    """HTTP to one SPARQL endpoint: query and update URLs, credentials, errors as StoreError."""

    def __init__(self, url: str, *, timeout: float = 300.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(
                f"{url}: --store takes the http(s) URL of a SPARQL endpoint, e.g. http://127.0.0.1:7878/query"
            )
        host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        self.query_url = urlunsplit((parts.scheme, host, parts.path or "/", parts.query, ""))
        path = parts.path.removesuffix("/query") + "/update" if parts.path.endswith("/query") else parts.path
        self.update_url = urlunsplit((parts.scheme, host, path or "/", parts.query, ""))
        self.shown = self.query_url  # never the password
        self.credentials = (unquote(parts.username), unquote(parts.password or "")) if parts.username else None
        self.auth: AuthBase | None = None
        self.timeout = timeout
        import requests  # here, not at the top: only --store needs HTTP (it costs every command 0.15 s)

        self.session = requests.Session()

    def post(self, url: str, data: dict[str, str], accept: str, *, what: str) -> requests.Response:
        import requests
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        try:
            response = self.session.post(
                url, data=data, headers={"Accept": accept}, timeout=self.timeout, auth=self.auth
            )
        except requests.Timeout as exc:
            raise QueryError(
                f"{self.shown}: no answer within {self.timeout:g} s; give the query a --timeout, or ask less"
            ) from exc
        except requests.RequestException as exc:
            reason = type(exc).__name__
            raise StoreError(
                f"{self.shown}: cannot reach the SPARQL endpoint ({reason}); is the server running?"
            ) from exc
        if response.status_code == 401 and self.credentials is not None and self.auth is None:
            scheme = response.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
            self.auth = HTTPDigestAuth(*self.credentials) if scheme == "digest" else HTTPBasicAuth(*self.credentials)
            return self.post(url, data, accept, what=what)
        if response.status_code in (401, 403):
            hint = (
                "check the user and password in the URL"
                if self.credentials
                else "give http://USER:PASSWORD@... in the URL"
            )
            raise StoreError(f"{url}: the endpoint refused the {what} (HTTP {response.status_code}); {hint}")
        if response.status_code >= 400:
            message = " ".join(response.text.split())[:300] or f"HTTP {response.status_code}"
            error = QueryError if what == "query" else StoreError
            raise error(f"{url}: the endpoint refused the {what}: {message}")
        return response

    def query(self, text: str, accept: str = JSON) -> requests.Response:
        return self.post(self.query_url, {"query": text}, accept, what="query")

    def update(self, text: str) -> None:
        self.post(self.update_url, {"update": text}, "*/*", what="update")

    def close(self) -> None:
        self.session.close()
