// GlossMarkdown: see DESIGN.md's module table.
