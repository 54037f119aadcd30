// cmograph query page: the YASGUI editor (YASQE) and results table (YASR), served by this server,
// configured to fetch nothing from anywhere else: completion comes from /query/vocabulary.json,
// queries go to /cmo/sparql, nothing is kept in the browser's storage. The query and the output
// format live in the page's address, so a result can be shared and survives a reload.
'use strict';

(function () {
  const ENDPOINT = '/cmo/sparql';
  const NAMESPACE = 'https://w3id.org/cmograph/';
  const Yasqe = window.Yasqe;
  const Yasr = window.Yasr;
  const form = document.getElementById('editor-form');
  const textarea = document.getElementById('query');
  const format = document.getElementById('format');
  const status = document.getElementById('status');
  const section = document.getElementById('results-section');
  const downloads = document.getElementById('downloads');
  const initialText = textarea.value;

  // Completion from this server only: YASQE's own completers ask prefix.cc and the Linked Open
  // Vocabularies service, which this page must not contact.
  const vocabulary = fetch('/query/vocabulary.json').then((r) => r.json());
  function fromVocabulary(key, token) {
    return vocabulary.then((v) => {
      const start = token && token.autocompletionString ? token.autocompletionString : '';
      return v[key].filter((iri) => iri.startsWith(start));
    });
  }
  Yasqe.registerAutocompleter(
    Object.assign({}, Yasqe.Autocompleters.prefixes, {
      persistenceId: null,
      get: () =>
        vocabulary.then((v) => Object.keys(v.prefixes).map((p) => p + ': <' + v.prefixes[p] + '>'))
    })
  );
  Yasqe.registerAutocompleter(
    Object.assign({}, Yasqe.Autocompleters.property, {
      persistenceId: null,
      get: (yasqe, token) => fromVocabulary('properties', token)
    })
  );
  Yasqe.registerAutocompleter(
    Object.assign({}, Yasqe.Autocompleters['class'], {
      persistenceId: null,
      get: (yasqe, token) => fromVocabulary('classes', token)
    })
  );

  // Links: an IRI under cmograph's namespace opens its page on this server (an evidence item's
  // page leads to its quote in the source view); other IRIs keep their own address.
  function localHref(iri) {
    return iri.startsWith(NAMESPACE) ? '/' + iri.substring(NAMESPACE.length) : iri;
  }
  Yasr.plugins.table.defaults.openIriInNewWindow = false;

  textarea.hidden = true;
  const yasqe = new Yasqe(document.getElementById('editor'), {
    value: initialText,
    persistenceId: null,
    consumeShareLink: null,
    createShareableLink: null,
    showQueryButton: false,
    resizeable: true,
    editorHeight: '22rem',
    requestConfig: { endpoint: ENDPOINT },
    extraKeys: Object.assign({}, Yasqe.defaults.extraKeys, {
      'Ctrl-Enter': () => run(),
      'Cmd-Enter': () => run()
    })
  });
  // The editor's input field is what the label names and what a screen reader announces.
  const input = yasqe.getInputField();
  input.setAttribute('aria-labelledby', 'query-label');
  input.setAttribute('aria-describedby', 'query-help');
  document.getElementById('query-label').addEventListener('click', () => yasqe.focus());

  const yasr = new Yasr(document.getElementById('results'), {
    persistenceId: null,
    pluginOrder: ['table', 'response'],
    defaultPlugin: format.value,
    prefixes: {},
    // Long text (quotes) wraps instead of being cut to one line; values show without their
    // datatypes ("2" rather than "2"^^xsd:integer), as a reader expects.
    plugins: { table: { dynamicConfig: { isEllipsed: false, compact: true, pageSize: 50 } } },
    getDownloadFileName: () => 'cmograph-results'
  });
  vocabulary.then((v) => {
    yasr.config.prefixes = v.prefixes;
  });

  // Catalogue queries answer with plain ids; a column named for what it holds links to its page.
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  function idLink(column, value, row) {
    if (!ID.test(value)) {
      return null;
    }
    const study = row.study || row.studyId;
    switch (column) {
      case 'study':
      case 'studyId':
        return '/id/' + value;
      case 'mechanism':
      case 'concept':
      case 'broader':
      case 'fromMechanism':
      case 'toMechanism':
        return /^[0-9]+$/.test(value) ? null : '/mechanism/' + value;
      case 'evidence':
        return study && !/^[0-9]+$/.test(value) ? '/id/' + study + '/evidence/' + value : null;
      case 'cmoc':
        return study ? '/id/' + study + '/cmoc/' + value : null;
      default:
        return null;
    }
  }
  // YASR's table controls, named for screen readers.
  function nameControls(root) {
    const named = [
      ['select.tableSizer', 'Rows per page'],
      ['input.tableFilter', 'Filter the results']
    ];
    named.forEach(([selector, label]) => {
      root.querySelectorAll(selector).forEach((el) => {
        if (!el.hasAttribute('aria-label')) {
          el.setAttribute('aria-label', label);
        }
      });
    });
  }
  function linkCells(root) {
    nameControls(root);
    const table = root.querySelector('table.dataTable');
    if (!table) {
      return;
    }
    const names = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim());
    table.querySelectorAll('tbody tr').forEach((tr) => {
      if (tr.dataset.linked) {
        return;
      }
      tr.dataset.linked = 'yes';
      const cells = Array.from(tr.children);
      const row = {};
      cells.forEach((td, i) => {
        row[names[i]] = td.textContent.trim();
      });
      cells.forEach((td, i) => {
        td.querySelectorAll('a.iri').forEach((a) => {
          a.href = localHref(a.getAttribute('href'));
          a.removeAttribute('target');
        });
        const literal = td.querySelector('span.nonIri');
        const href = literal && literal.children.length === 0 ? idLink(names[i], literal.textContent, row) : null;
        if (href) {
          const a = document.createElement('a');
          a.href = href;
          a.className = 'id-link';
          a.textContent = literal.textContent;
          literal.textContent = '';
          literal.appendChild(a);
        }
        if (names[i] === 'quote' || names[i] === 'title' || names[i] === 'label') {
          td.classList.add('text-cell');
        }
      });
    });
  }
  new MutationObserver(() => linkCells(document.getElementById('results'))).observe(
    document.getElementById('results'),
    { childList: true, subtree: true }
  );

  function setStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  // A server's parse error ("... at line 3, column 7 ...") is marked where it is in the editor.
  let marks = [];
  function clearMarks() {
    marks.forEach((m) => m.clear());
    marks = [];
    yasqe.clearGutter('serverError');
    yasqe.eachLine((line) => yasqe.removeLineClass(line, 'background', 'server-error-line'));
  }
  function markError(message) {
    const at = /line (\d+), column (\d+)/.exec(message);
    if (!at) {
      return null;
    }
    const line = Number(at[1]) - 1;
    const ch = Math.max(0, Number(at[2]) - 1);
    const length = yasqe.getLine(line) === undefined ? 0 : yasqe.getLine(line).length;
    marks.push(
      yasqe.markText(
        { line: line, ch: Math.min(ch, length) },
        { line: line, ch: Math.min(ch + 1, length) },
        { className: 'server-error', attributes: { title: message } }
      )
    );
    yasqe.addLineClass(line, 'background', 'server-error-line');
    const flag = document.createElement('span');
    flag.className = 'server-error-flag';
    flag.title = message;
    flag.textContent = '!';
    yasqe.setGutterMarker(line, 'serverError', flag);
    yasqe.scrollIntoView({ line: line, ch: ch });
    return { line: line + 1, column: ch + 1 };
  }
  yasqe.setOption('gutters', ['serverError'].concat(yasqe.getOption('gutters')));

  function queryKind() {
    const type = (yasqe.getQueryType() || 'SELECT').toUpperCase();
    return type === 'CONSTRUCT' || type === 'DESCRIBE' ? 'graph' : 'results';
  }

  const DOWNLOADS = {
    results: [
      ['CSV', 'csv', 'csv'],
      ['TSV', 'tsv', 'tsv'],
      ['JSON', 'json', 'srj']
    ],
    graph: [
      ['Turtle', 'ttl', 'ttl'],
      ['JSON-LD', 'json-ld', 'jsonld'],
      ['N-Triples', 'nt', 'nt']
    ]
  };
  function showDownloads(text) {
    downloads.textContent = 'Download: ';
    DOWNLOADS[queryKind()].forEach(([label, output, extension], i) => {
      const a = document.createElement('a');
      a.href = ENDPOINT + '?query=' + encodeURIComponent(text) + '&output=' + output;
      a.download = 'cmograph-results.' + extension;
      a.className = 'download';
      a.dataset.format = extension;
      a.textContent = label;
      if (i > 0) {
        downloads.appendChild(document.createTextNode(' · '));
      }
      downloads.appendChild(a);
    });
    downloads.hidden = false;
  }

  // The address says what is shown: a catalogue query keeps its name and values while its text
  // is unchanged; an edited or typed query is carried whole.
  function remember(text) {
    const params = new URLSearchParams(window.location.search);
    let search;
    if (form.dataset.name && text === initialText) {
      params.set('format', format.value);
      search = params.toString();
    } else {
      search = new URLSearchParams({ query: text, format: format.value }).toString();
    }
    window.history.replaceState(null, '', '/query?' + search);
  }

  let running = false;
  function run() {
    if (running) {
      return;
    }
    const text = yasqe.getValue();
    textarea.value = text;
    remember(text);
    clearMarks();
    running = true;
    setStatus('Running…', false);
    const accept =
      queryKind() === 'graph' ? 'text/turtle' : 'application/sparql-results+json';
    const started = performance.now();
    fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
      body: new URLSearchParams({ query: text }).toString()
    })
      .then((response) =>
        response.text().then((body) => ({ response: response, body: body }))
      )
      .then(({ response, body }) => {
        const ms = Math.round(performance.now() - started);
        if (!response.ok) {
          // The previous results stay: only the message and the mark are new.
          const message = body.trim().split('\n').slice(0, 3).join(' ');
          const at = markError(message);
          setStatus(
            'Error ' +
              response.status +
              (at ? ' at line ' + at.line + ', column ' + at.column : '') +
              ': ' +
              message,
            true
          );
          status.focus();
          return;
        }
        yasr.setResponse(
          {
            data: body,
            contentType: response.headers.get('Content-Type'),
            status: response.status,
            executionTime: ms
          },
          ms
        );
        if (format.value !== yasr.selectedPlugin && yasr.plugins[format.value]) {
          yasr.selectPlugin(format.value);
        }
        const rows = yasr.results.getBindings();
        const count = rows ? rows.length : null;
        const cut = response.headers.get('X-Cmograph-Truncated') === 'true';
        setStatus(
          (count === null ? 'Done' : count + (count === 1 ? ' row' : ' rows')) +
            ' in ' +
            ms +
            ' ms' +
            (cut ? '; cut at the endpoint’s row limit' : ''),
          false
        );
        showDownloads(text);
        section.focus();
      })
      .catch((e) => setStatus('The query could not be sent: ' + e.message, true))
      .finally(() => {
        running = false;
      });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  format.addEventListener('change', () => {
    if (yasr.results && yasr.plugins[format.value]) {
      yasr.selectPlugin(format.value);
    }
    remember(yasqe.getValue());
  });
  status.tabIndex = -1;
  if (form.dataset.autorun === 'true') {
    run();
  }
})();
