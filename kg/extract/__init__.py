"""Doc -> plain data: mentions, clauses, attribution, predicates."""
