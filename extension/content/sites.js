// Site adapters: where each webmail keeps its compose window, recipients, subject and body.
