"""``backprop-companion bench``: Nielsen's "in what sense is backpropagation fast?", measured."""
