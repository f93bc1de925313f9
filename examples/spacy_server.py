#!/usr/bin/env python3
"""A reference external recommender for Gloss: spaCy's named entities over HTTP.

Gloss sends each document to POST /predict and shows what comes back as suggestions (recommender
"external"); POST /train receives the project's annotated documents. Offsets are code points
(Python str indices), half-open, which is what spaCy's start_char/end_char already are.

    POST /predict  {"document": {"id", "text"}, "schema": {"entity_labels": [...], "event_types":
                   [{"name", "roles"}], "quotes": true}}
               ->  {"suggestions": [{"kind": "entity", "start", "end", "label", "score"}]}
    POST /train    {"schema": {...}, "documents": [{"id", "text", "entities": [{"start", "end",
                   "label"}]}]}
               ->  {"learned": N}  (surface forms remembered and suggested from then on)

Run it (standard library only; spaCy is used when installed):

    pip install spacy && python -m spacy download en_core_web_sm   # optional
    python3 examples/spacy_server.py --port 8000 [--model en_core_web_sm]

then point the project at it, in project.ron:

    settings: (min_agree: 2, recommender_url: Some("http://127.0.0.1:8000"), recommender_timeout_ms: 5000)

and try `gloss suggest PROJECT --recommender external`. Without spaCy (or its model), the server
falls back to a tiny rule: runs of capitalised words not at a sentence start are PERSON, so that the
protocol can be tried anywhere.
"""

import argparse
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# spaCy's OntoNotes labels and the names other schemas give them.
ALIASES = {
    "PERSON": ["PERSON", "PER"],
    "ORG": ["ORG"],
    "GPE": ["GPE", "LOC"],
    "LOC": ["LOC"],
    "NORP": ["NORP", "MISC"],
    "DATE": ["DATE"],
    "FAC": ["FAC"],
    "EVENT": ["EVENT", "MISC"],
}


class Model:
    """spaCy when available, else the capitalisation rule; plus the forms learned from /train."""

    def __init__(self, name):
        self.nlp = None
        self.learned = {}  # surface form -> label
        self.lock = threading.Lock()
        try:
            import spacy  # noqa: PLC0415 (optional dependency)

            self.nlp = spacy.load(name)
            print(f"using spaCy model {name}", file=sys.stderr)
        except Exception as error:  # ImportError, or OSError for a missing model
            print(f"spaCy model {name} not available ({error}); using the capitalisation rule", file=sys.stderr)

    def entities(self, text):
        """(start, end, label, score) in code points."""
        found = []
        if self.nlp is not None:
            for ent in self.nlp(text).ents:
                found.append((ent.start_char, ent.end_char, ent.label_, 0.8))
        else:
            for match in re.finditer(r"(?<![.!?\n]\s)(?<!^)\b([A-Z][a-z]+(?: +[A-Z][a-z]+)+)", text):
                found.append((match.start(1), match.end(1), "PERSON", 0.5))
        with self.lock:
            for form, label in self.learned.items():
                for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                    found.append((match.start(), match.end(), label, 0.9))
        return found

    def learn(self, documents):
        with self.lock:
            for document in documents:
                text = document.get("text", "")
                for entity in document.get("entities", []):
                    form = text[entity["start"]:entity["end"]]
                    if form.strip():
                        self.learned[form] = entity["label"]
            return len(self.learned)


def schema_label(label, schema_labels):
    """The schema's name for a model label, or None when the schema has no such label."""
    for alias in ALIASES.get(label, [label]):
        if alias in schema_labels:
            return alias
    return None


class Handler(BaseHTTPRequestHandler):
    model = None

    def do_POST(self):  # noqa: N802 (the http.server API)
        try:
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length) or b"{}")
        except (ValueError, json.JSONDecodeError) as error:
            return self.reply(400, {"error": f"expected a JSON body: {error}"})
        if self.path.rstrip("/") == "/predict":
            text = request.get("document", {}).get("text", "")
            labels = set(request.get("schema", {}).get("entity_labels", []))
            suggestions = []
            for start, end, label, score in self.model.entities(text):
                name = schema_label(label, labels)
                if name is not None:
                    suggestions.append(
                        {"kind": "entity", "start": start, "end": end, "label": name, "score": score}
                    )
            return self.reply(200, {"suggestions": suggestions})
        if self.path.rstrip("/") == "/train":
            return self.reply(200, {"learned": self.model.learn(request.get("documents", []))})
        return self.reply(404, {"error": f"no such endpoint: {self.path}"})

    def reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 (the http.server API)
        print(f"{self.address_string()} {format % args}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--model", default="en_core_web_sm", help="a spaCy pipeline name or path")
    args = parser.parse_args()
    Handler.model = Model(args.model)
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print(f"serving on http://{args.host}:{server.server_address[1]}", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
