"""Pages of uitvoering."""
