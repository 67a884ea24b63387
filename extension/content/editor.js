// Inserting text into a web page's editor (textarea, contenteditable) without markup.
