"""The themes window and the analysis behind it: heat map, chart, patterns, evidence, and the practitioner's own themes."""
