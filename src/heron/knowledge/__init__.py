"""What heron knows, read from the data files under heron/data: plain structures, no caches."""
