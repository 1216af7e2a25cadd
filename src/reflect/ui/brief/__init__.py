"""The case-brief wizard: choose the case, review every redaction, export behind the final gate."""
