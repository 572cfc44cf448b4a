"""kg: news articles to an RDF knowledge graph of actors, claims and sources."""

__version__ = "0.1.0"
