"""Reading the tool's HTML documents back for the tests (stdlib html.parser): elements with their
attributes and text, well-formedness (every element the tool opens is closed in order), and the
shape of each table (rows of equal width once rowspan and colspan are counted)."""
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.parts = [], []  # parts: text and child elements, in order

    def text(self):
        """The element's text, its children's included, with runs of white space made one space."""
        out = "".join(p if isinstance(p, str) else p.text() for p in self.parts)
        return " ".join(out.split())

    def iter(self, tag=None, **attrs):
        """Every element below this one (depth first) with this tag and these attribute values
        (`class_` for class; a class matches when it is one of the element's classes)."""
        for child in self.children:
            if matches(child, tag, attrs):
                yield child
            yield from child.iter(tag, **attrs)

    def find(self, tag=None, **attrs):
        return next(self.iter(tag, **attrs), None)


def matches(element, tag, attrs):
    if tag and element.tag != tag:
        return False
    for name, value in attrs.items():
        name = name.rstrip("_")
        have = element.attrs.get(name)
        if have is None or (value not in have.split() if name == "class" else have != value):
            return False
    return True


class Document(HTMLParser):
    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current, self.errors, self.doctype = self.root, [], None
        self.feed(markup)
        self.close()
        while self.current is not self.root:
            self.errors.append(f"<{self.current.tag}> never closed")
            self.current = self.current.parent

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        self.current.parts.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        self.current.parts.append(element)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.parts.append(data)

    def text(self):
        body = self.root.find("body")
        return body.text() if body else self.root.text()

    def iter(self, tag=None, **attrs):
        return self.root.iter(tag, **attrs)

    def find(self, tag=None, **attrs):
        return self.root.find(tag, **attrs)


def rows(table):
    """The table's rows (tr of its thead and tbodies, not of nested tables), as lists of cells."""
    out = []
    for section in table.children:
        for tr in (section.children if section.tag in ("thead", "tbody", "tfoot") else [section]):
            if tr.tag == "tr":
                out.append([c for c in tr.children if c.tag in ("td", "th")])
    return out


def row_widths(table):
    """The width of each row in columns, counting the cells that rows above span into it."""
    spanning = []  # for each row to come, the columns taken by rowspans from above
    widths = []
    for i, cells in enumerate(rows(table)):
        taken = spanning[i] if i < len(spanning) else 0
        width = taken
        for cell in cells:
            colspan = int(cell.attrs.get("colspan", 1))
            rowspan = int(cell.attrs.get("rowspan", 1))
            width += colspan
            for below in range(i + 1, i + rowspan):
                while len(spanning) <= below:
                    spanning.append(0)
                spanning[below] += colspan
        widths.append(width)
    return widths


def cell_texts(table):
    return [[c.text() for c in r] for r in rows(table)]
