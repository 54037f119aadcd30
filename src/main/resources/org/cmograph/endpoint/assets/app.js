// cmograph landing page: runs SPARQL queries against this server's /cmo/sparql and shows the
// results. Plain browser JavaScript, no libraries, nothing loaded from elsewhere. Result values
// are written with textContent only, so quotes from studies can never become markup.
'use strict';

(function () {
  const ENDPOINT = '/cmo/sparql';
  const PREFIXES = {
    'https://w3id.org/cmograph/ontology#': 'cmo:',
    'https://w3id.org/cmograph/id/': 'cmoid:',
    'https://w3id.org/cmograph/mechanism/': 'mech:',
    'https://w3id.org/cmograph/graph/': 'cmog:',
    'http://www.w3.org/2004/02/skos/core#': 'skos:',
    'http://purl.org/dc/terms/': 'dcterms:',
    'http://www.w3.org/ns/prov#': 'prov:',
    'http://purl.org/ontology/bibo/': 'bibo:',
    'http://www.w3.org/2000/01/rdf-schema#': 'rdfs:',
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf:',
    'http://www.w3.org/2001/XMLSchema#': 'xsd:',
    'http://www.w3.org/2002/07/owl#': 'owl:'
  };
  const ACCEPT = {
    table: 'application/sparql-results+json, text/turtle;q=0.9',
    json: 'application/sparql-results+json, application/ld+json;q=0.9',
    xml: 'application/sparql-results+xml, application/rdf+xml;q=0.9',
    csv: 'text/csv',
    tsv: 'text/tab-separated-values',
    turtle: 'text/turtle',
    jsonld: 'application/ld+json',
    ntriples: 'application/n-triples'
  };

  const form = document.getElementById('query-form');
  const textarea = document.getElementById('query');
  const format = document.getElementById('format');
  const button = document.getElementById('run');
  const status = document.getElementById('status');
  const results = document.getElementById('results');

  function compact(iri) {
    for (const ns in PREFIXES) {
      if (iri.startsWith(ns)) {
        return PREFIXES[ns] + iri.substring(ns.length);
      }
    }
    return '<' + iri + '>';
  }

  function setStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  function cell(term) {
    const td = document.createElement('td');
    if (!term) {
      return td;
    }
    if (term.type === 'uri') {
      // An IRI opens its description in the editor, to explore the graph link by link.
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'iri';
      link.title = term.value;
      link.textContent = compact(term.value);
      link.addEventListener('click', () => {
        textarea.value =
          'SELECT ?property ?value WHERE {\n  <' + term.value + '> ?property ?value .\n}\nORDER BY ?property ?value';
        run();
      });
      td.appendChild(link);
    } else if (term.type === 'literal') {
      td.appendChild(document.createTextNode(term.value));
      if (term['xml:lang']) {
        const lang = document.createElement('span');
        lang.className = 'lang';
        lang.textContent = ' @' + term['xml:lang'];
        td.appendChild(lang);
      }
    } else {
      td.textContent = '_:' + term.value;
    }
    return td;
  }

  function showTable(json) {
    results.replaceChildren();
    if (typeof json.boolean === 'boolean') {
      const p = document.createElement('p');
      p.textContent = 'ASK: ' + json.boolean;
      results.appendChild(p);
      return 1;
    }
    const vars = json.head.vars;
    const rows = json.results.bindings;
    const table = document.createElement('table');
    table.className = 'results';
    const head = table.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement('th');
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const v of vars) {
        tr.appendChild(cell(row[v]));
      }
    }
    results.appendChild(table);
    return rows.length;
  }

  function showText(text) {
    const pre = document.createElement('pre');
    pre.textContent = text;
    results.replaceChildren(pre);
  }

  async function run() {
    const query = textarea.value;
    const chosen = format.value;
    button.disabled = true;
    setStatus('Running…', false);
    const started = performance.now();
    try {
      const response = await fetch(ENDPOINT, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          Accept: ACCEPT[chosen] || ACCEPT.table
        },
        body: new URLSearchParams({ query: query })
      });
      const text = await response.text();
      const ms = Math.round(performance.now() - started);
      if (!response.ok) {
        results.replaceChildren();
        setStatus('Error ' + response.status + ': ' + text.trim(), true);
        return;
      }
      const type = response.headers.get('Content-Type') || '';
      let summary;
      if (chosen === 'table' && type.includes('sparql-results+json')) {
        const n = showTable(JSON.parse(text));
        summary = n + (n === 1 ? ' row' : ' rows');
      } else {
        showText(text);
        summary = text.length + ' characters';
      }
      const cut = response.headers.get('X-Cmograph-Truncated') === 'true';
      const cap = response.headers.get('X-Cmograph-Max-Rows');
      setStatus(summary + ' in ' + ms + ' ms' + (cut ? '; cut at the ' + cap + '-row limit' : ''), false);
    } catch (e) {
      results.replaceChildren();
      setStatus('The query could not be sent: ' + e.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function load(name) {
    const source = document.getElementById('text-' + name);
    if (!source) {
      setStatus('No query named ' + name + ' in the catalogue.', true);
      return false;
    }
    textarea.value = source.textContent;
    format.value = 'table';
    return true;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  for (const link of document.querySelectorAll('a.run')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const name = link.dataset.query;
      if (load(name)) {
        history.replaceState(null, '', '/?run=' + encodeURIComponent(name) + '#editor');
        document.getElementById('editor').scrollIntoView();
        run();
      }
    });
  }
  const requested = new URLSearchParams(window.location.search).get('run');
  if (requested && load(requested)) {
    run();
  }
})();
