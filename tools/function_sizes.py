#!/usr/bin/env python3
"""Lists the longest functions of the C++ sources (a crude brace counter: namespace and extern blocks are not
functions; a top-level block opened after a ')' or 'const' or 'override' is). Used for the before/after of
clean-ups: python3 tools/function_sizes.py [--most N] [FOLDER...]"""
import argparse, pathlib, re

def functions(path):
    text = path.read_text(errors="replace")
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    depth, start, head, line, stack = 0, None, "", 1, []
    for ch in text:
        if ch == "\n":
            line += 1
        if ch == "{":
            block = head.strip()
            is_scope = re.search(r"\b(namespace|extern \"\")\b[^;]*$", block) or re.search(r"\b(class|struct|enum|union)\b[^;()]*$", block)
            stack.append("scope" if is_scope else ("func" if start is None else "inner"))
            if stack[-1] == "func":
                name = re.findall(r"([~\w:]+)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*$", block)
                start = (line, name[-1] if name else block[-40:].replace("\n", " "))
            head = ""
        elif ch == "}":
            kind = stack.pop() if stack else "scope"
            if kind == "func":
                yield start[1], start[0], line - start[0] + 1
                start = None
            head = ""
        elif ch == ";":
            head = ""
        else:
            head += ch

ap = argparse.ArgumentParser()
ap.add_argument("--most", type=int, default=15)
ap.add_argument("folders", nargs="*", default=["model", "app", "ui"])
args = ap.parse_args()
rows = []
for folder in args.folders:
    for path in sorted(pathlib.Path(folder).rglob("*.cpp")):
        rows += [(n, f"{path}:{l}", name) for name, l, n in functions(path)]
for n, where, name in sorted(rows, reverse=True)[: args.most]:
    print(f"{n:5d}  {where}  {name}")
