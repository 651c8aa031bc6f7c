"""What rasad writes out: per-article records (``rasad extract``) and, later, graph exports."""
