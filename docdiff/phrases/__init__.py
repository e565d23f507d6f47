"""Two documents -> shared and reworded phrases, and the stock formulas they use."""
