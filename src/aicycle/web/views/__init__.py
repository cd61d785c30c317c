"""One module per page type; each view calls one adapter and renders one template."""
