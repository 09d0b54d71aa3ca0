// claimsift review: the single-page app. Plain JavaScript, no framework, no network beyond this server.
// Every string from an article reaches the page through text nodes or textContent, never as HTML.

const TOKEN_KEY = 'claimsift-review-token';
const FILTERS = [
  ['all', 'all articles'],
  ['todo', 'not started'],
  ['progress', 'in progress'],
  ['done', 'every claim decided'],
  ['stale', 'with stale decisions'],
  ['confirmed', 'with confirmed claims'],
  ['hedged', 'with hedged claims'],
  ['denied', 'with denied claims'],
];
const SPEAKER_COLOURS = 12;

const params = new URLSearchParams(location.search);
if (params.get('token')) sessionStorage.setItem(TOKEN_KEY, params.get('token'));
const token = sessionStorage.getItem(TOKEN_KEY) || '';

const state = {
  session: null,
  list: null,
  listIndex: 0,
  filter: 'all',
  view: null,
  claimIndex: 0,
  showExplain: new Set(),
  explain: null,
  busy: false,
};

// ---------- DOM helpers ----------

/** Builds an element. props: class, text, title, data-*, aria-*, role, href (http/https only), on* handlers. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'href') { if (/^https?:\/\//i.test(v) || v.startsWith('#')) el.setAttribute('href', v); }
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (/^(title|role|tabindex|id|type|value|for|colspan|data-[a-z-]+|aria-[a-z-]+|rel|target)$/.test(k)) el.setAttribute(k, String(v));
    else throw new Error(`h(): attribute ${k} not allowed`);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const $ = sel => document.querySelector(sel);

let toastTimer = 0;
function toast(message, kind = 'info') {
  const el = $('#toast');
  el.textContent = message;
  el.className = `toast show ${kind}`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = 'toast'; }, kind === 'error' ? 6000 : 2500);
}

// ---------- API ----------

async function apiGet(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message || `${res.status} ${res.statusText}`);
  return body;
}

async function apiPost(path, payload) {
  if (!token) throw new Error('read-only: open the URL that "claimsift review" printed (it carries the write token)');
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Claimsift-Token': token, Accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message || `${res.status} ${res.statusText}`);
  return body;
}

// ---------- routing ----------

function route() {
  const m = /^#\/a\/([^/]+)(?:\/([0-9a-f]{20}))?$/.exec(location.hash);
  if (m) return { name: 'article', id: decodeURIComponent(m[1]), claim: m[2] || null };
  return { name: 'list' };
}
const articleHash = (id, key) => `#/a/${encodeURIComponent(id)}${key ? `/${key}` : ''}`;

async function render() {
  const r = route();
  try {
    if (r.name === 'article') await showArticle(r.id, r.claim);
    else await showList();
  } catch (err) {
    $('#main').replaceChildren(h('div', { class: 'error-page' }, h('h1', { text: 'Something went wrong' }), h('p', { text: err.message }), h('p', {}, h('a', { href: '#/', text: 'Back to the article list' }))));
  }
}

// ---------- article list ----------

function matchesFilter(a, filter) {
  switch (filter) {
    case 'todo': return a.reviewed === 0;
    case 'progress': return a.reviewed > 0 && a.reviewed < a.claims;
    case 'done': return a.claims > 0 && a.reviewed === a.claims;
    case 'stale': return a.stale > 0;
    case 'confirmed': return a.statuses.confirmed > 0;
    case 'hedged': return a.statuses.hedged > 0;
    case 'denied': return a.statuses.denied > 0;
    default: return true;
  }
}

async function showList() {
  state.view = null;
  document.title = 'claimsift review';
  setCrumbs([]);
  state.list = await apiGet('/api/articles');
  renderList();
}

function visibleArticles() {
  return state.list.articles.filter(a => matchesFilter(a, state.filter));
}

function renderList() {
  const rows = visibleArticles();
  if (state.listIndex >= rows.length) state.listIndex = Math.max(0, rows.length - 1);
  const totals = state.list.articles.reduce((t, a) => ({ claims: t.claims + a.claims, reviewed: t.reviewed + a.reviewed }), { claims: 0, reviewed: 0 });
  const select = h('select', { id: 'filter', 'aria-label': 'Filter articles by status', onchange: e => { state.filter = e.target.value; state.listIndex = 0; renderList(); } },
    FILTERS.map(([value, label]) => { const o = h('option', { value, text: label }); o.selected = value === state.filter; return o; }));
  const table = h('table', { class: 'articles', 'aria-label': 'Articles' },
    h('thead', {}, h('tr', {}, ['Article', 'Date', 'Quotes', 'Numbers', 'Claims', 'Reviewed', 'Status'].map(t => h('th', { text: t })))),
    h('tbody', {}, rows.map((a, i) => h('tr', {
      class: i === state.listIndex ? 'selected' : '',
      'data-id': a.id,
      'aria-selected': i === state.listIndex ? 'true' : 'false',
      onclick: () => { location.hash = articleHash(a.id); },
    },
    h('td', { class: 'title' }, h('a', { href: articleHash(a.id), text: a.title || a.id }), a.title ? h('span', { class: 'id', text: a.id }) : null),
    h('td', { class: 'date', text: a.publishedAt || '—' }),
    h('td', { class: 'num', text: a.quotes }),
    h('td', { class: 'num', text: a.numbers }),
    h('td', { class: 'num', text: a.claims }),
    h('td', { class: 'progress' }, progressBar(a.reviewed, a.claims), h('span', { class: 'count', text: `${a.reviewed}/${a.claims}` })),
    h('td', { class: 'statuses' },
      a.statuses.confirmed ? h('span', { class: 'badge confirmed', text: `${a.statuses.confirmed} confirmed` }) : null,
      a.statuses.hedged ? h('span', { class: 'badge hedged', text: `${a.statuses.hedged} hedged` }) : null,
      a.statuses.denied ? h('span', { class: 'badge denied', text: `${a.statuses.denied} denied` }) : null,
      a.stale ? h('span', { class: 'badge stale', text: `${a.stale} stale` }) : null),
    ))));
  const problems = state.list.problems.length
    ? h('details', { class: 'problems' }, h('summary', { text: `${state.list.problems.length} files could not be read` }),
      h('ul', {}, state.list.problems.map(p => h('li', {}, h('code', { text: p.file }), ` — ${p.message}`))))
    : null;
  const orphans = state.list.orphans.length
    ? h('section', { class: 'orphans' }, h('h2', { text: `Stale: ${state.list.orphans.length} decisions on articles no longer in the output` }),
      h('ul', {}, state.list.orphans.map(o => h('li', {}, h('span', { class: 'badge stale', text: 'stale' }), ' ', h('strong', { text: o.snapshot.articleId }), ': ', o.snapshot.text, ' ', reviewBadges(o.review)))))
    : null;
  $('#main').replaceChildren(h('section', { class: 'list-page' },
    h('div', { class: 'list-head' },
      h('h1', { text: `${state.list.articles.length} articles` }),
      h('span', { class: 'muted', text: `${totals.reviewed} of ${totals.claims} claims reviewed` }),
      h('span', { class: 'spacer' }),
      h('label', { class: 'filter' }, 'Show ', select, ' ', h('kbd', { text: 'f' }))),
    problems,
    rows.length ? table : h('p', { class: 'empty', text: 'No article matches this filter.' }),
    orphans));
  const sel = document.querySelector('tr.selected');
  if (sel) sel.scrollIntoView({ block: 'nearest' });
}

function progressBar(done, total) {
  const bar = h('span', { class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done });
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${total ? Math.round((100 * done) / total) : 0}%`;
  bar.append(fill);
  return bar;
}

function moveList(delta) {
  const rows = visibleArticles();
  if (!rows.length) return;
  state.listIndex = Math.max(0, Math.min(rows.length - 1, state.listIndex + delta));
  for (const [i, tr] of document.querySelectorAll('table.articles tbody tr').entries()) {
    tr.classList.toggle('selected', i === state.listIndex);
    tr.setAttribute('aria-selected', i === state.listIndex ? 'true' : 'false');
    if (i === state.listIndex) tr.scrollIntoView({ block: 'nearest' });
  }
}

function cycleFilter(delta) {
  const i = FILTERS.findIndex(([v]) => v === state.filter);
  state.filter = FILTERS[(i + delta + FILTERS.length) % FILTERS.length][0];
  state.listIndex = 0;
  renderList();
  toast(`Showing ${FILTERS.find(([v]) => v === state.filter)[1]}`);
}

// ---------- article view ----------

function setCrumbs(items) {
  $('#crumbs').replaceChildren(h('a', { href: '#/', text: 'Articles' }), ...items.flatMap(t => [h('span', { class: 'sep', text: '›' }), h('span', { text: t })]));
}

async function showArticle(id, claimKey) {
  const sameArticle = state.view && state.view.article.id === id;
  if (!sameArticle) {
    const view = await apiGet(`/api/articles/${encodeURIComponent(id)}`);
    state.view = view;
    state.explain = null;
    state.showExplain = new Set();
    if (!state.list) state.list = await apiGet('/api/articles').catch(() => null);
    state.claimIndex = 0;
    const i = claimKey ? view.claims.findIndex(c => c.key === claimKey) : -1;
    if (i >= 0) state.claimIndex = i;
    renderArticle();
  } else if (claimKey) {
    const i = state.view.claims.findIndex(c => c.key === claimKey);
    if (i >= 0 && i !== state.claimIndex) selectClaim(i, { updateHash: false });
  }
}

const effective = c => {
  const e = c.review?.edits || {};
  return {
    speaker: e.speaker ?? c.source.name ?? '',
    speakerKind: e.speakerKind ?? c.source.kind,
    status: e.status ?? c.status,
    hedged: e.hedged ?? c.hedged,
    polarity: e.polarity ?? c.polarity,
    text: e.text ?? c.span.text,
  };
};

function renderArticle() {
  const v = state.view;
  const a = v.article;
  document.title = `${a.title || a.id} — claimsift review`;
  setCrumbs([a.title || a.id]);
  const head = h('div', { class: 'article-head' },
    h('h1', { text: a.title || a.id }),
    h('div', { class: 'meta' },
      a.title ? h('span', { class: 'id', text: a.id }) : null,
      a.publishedAt ? h('span', { text: a.publishedAt }) : null,
      a.url ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: a.url }) : null,
      h('span', { text: `${v.quotes.length} quotes · ${v.numbers.length} numbers · ${v.claims.length} claims` })),
    v.speakers.length ? h('div', { class: 'legend', 'aria-label': 'Speakers' },
      v.speakers.map((s, i) => h('span', { class: `chip spk-${i % SPEAKER_COLOURS}`, title: `${s.quotes} quotes` }, s.name))) : null);
  const text = h('article', { class: 'text', id: 'text', 'aria-label': 'Article text' }, renderText(v));
  const panel = h('aside', { class: 'claims', id: 'claims', 'aria-label': 'Claims, most check-worthy first' });
  $('#main').replaceChildren(h('section', { class: 'article-page' }, head, h('div', { class: 'columns' }, text, panel)));
  renderClaims();
  selectClaim(state.claimIndex, { updateHash: false, scroll: true });
}

/** The article text as paragraphs and headings, with quote, number, cue and claim spans. */
function renderText(v) {
  const items = [];
  for (const q of v.quotes) {
    items.push({ start: q.content.start, end: q.content.end, type: 'quote', ref: q });
    if (q.cue) items.push({ start: q.cue.start, end: q.cue.end, type: 'cue', ref: q });
  }
  for (const n of v.numbers) items.push({ start: n.span.start, end: n.span.end, type: 'number', ref: n });
  v.claims.forEach((c, i) => items.push({ start: c.span.start, end: c.span.end, type: 'claim', ref: i }));
  items.sort((x, y) => x.start - y.start || y.end - x.end);
  state.segmentsByClaim = v.claims.map(() => []);
  const out = [];
  for (const p of v.paragraphs) {
    const el = h(p.heading ? 'h2' : 'p', { class: p.heading ? 'heading' : 'para' });
    const inside = items.filter(it => it.start < p.end && it.end > p.start);
    const cuts = new Set([p.start, p.end]);
    for (const it of inside) { cuts.add(Math.max(p.start, it.start)); cuts.add(Math.min(p.end, it.end)); }
    const bounds = [...cuts].sort((x, y) => x - y);
    for (let b = 0; b + 1 < bounds.length; b++) {
      const s = bounds[b], e = bounds[b + 1];
      const cover = inside.filter(it => it.start <= s && it.end >= e);
      const piece = v.text.slice(s, e);
      if (!cover.length) { el.append(document.createTextNode(piece)); continue; }
      const quotes = cover.filter(it => it.type === 'quote').sort((x, y) => (x.end - x.start) - (y.end - y.start));
      const classes = [];
      let title = '';
      if (quotes.length) {
        const q = quotes[0].ref;
        classes.push('q', q.speaker === null ? 'spk-none' : `spk-${q.speaker % SPEAKER_COLOURS}`);
        title = `${q.speakerName || 'unknown speaker'} (${q.kind} quote ${q.id})`;
      }
      if (cover.some(it => it.type === 'cue')) classes.push('cue');
      if (cover.some(it => it.type === 'number')) {
        classes.push('num');
        const n = cover.find(it => it.type === 'number').ref;
        title = [title, `${n.kind}${n.value !== null ? ` ${n.value}` : ''}${n.unit ? ` ${n.unit}` : ''}${n.counted ? ` — counts: ${n.counted.text}` : ''}`].filter(Boolean).join(' · ');
      }
      const claimIdx = cover.filter(it => it.type === 'claim').map(it => it.ref);
      if (claimIdx.length) classes.push('cl');
      const span = h('span', { class: classes.join(' '), title: title || null, 'data-claims': claimIdx.length ? claimIdx.join(' ') : null }, piece);
      for (const i of claimIdx) state.segmentsByClaim[i].push(span);
      if (claimIdx.length) span.addEventListener('click', () => selectClaim(claimIdx[0], { scroll: 'panel' }));
      el.append(span);
    }
    out.push(el);
  }
  return out;
}

function reviewBadges(review) {
  if (!review) return null;
  return h('span', { class: 'review' },
    review.decision === 'accepted' ? h('span', { class: 'badge accepted', text: '✓ accepted' }) : null,
    review.decision === 'rejected' ? h('span', { class: 'badge rejected', text: '✗ rejected' }) : null,
    review.verdict !== null ? h('span', { class: `badge verdict v${review.verdict}`, text: `${review.verdict} ${review.verdictLabel}` }) : null,
    review.edits && Object.keys(review.edits).length ? h('span', { class: 'badge edited', text: 'edited' }) : null);
}

function claimCard(c, i) {
  const v = state.view;
  const eff = effective(c);
  const e = c.review?.edits || {};
  const nums = c.numbers.map(k => v.numbers.find(n => n.key === k)).filter(Boolean);
  const speakerClass = c.speaker === null ? 'spk-none' : `spk-${c.speaker % SPEAKER_COLOURS}`;
  const explainOpen = state.showExplain.has(c.key);
  const explainLines = c.explain || state.explain?.explain?.[c.key] || null;
  return h('li', {
    class: `claim${i === state.claimIndex ? ' selected' : ''}${c.review?.decision ? ` ${c.review.decision}` : ''}`,
    'data-key': c.key,
    'aria-selected': i === state.claimIndex ? 'true' : 'false',
    onclick: () => selectClaim(i, { scroll: 'text' }),
  },
  h('div', { class: 'claim-top' },
    h('span', { class: 'rank', text: `#${c.rank}` }),
    h('span', { class: `badge ${eff.status}`, text: eff.status }),
    eff.hedged ? h('span', { class: 'badge hedged', text: c.hedge && e.hedged === undefined ? `hedged: ${c.hedge}` : 'hedged' }) : null,
    eff.polarity === 'denied' ? h('span', { class: 'badge denied', text: 'denied' }) : null,
    h('span', { class: 'score', title: 'check-worthiness', text: c.checkworthiness.toFixed(2) }),
    h('span', { class: 'spacer' }),
    reviewBadges(c.review)),
  h('div', { class: 'who' },
    h('span', { class: `swatch ${speakerClass}` }),
    h('strong', { text: eff.speakerKind === 'outlet' && !eff.speaker ? 'the outlet' : (eff.speaker || 'unknown') }),
    h('span', { class: 'kind', text: ` (${eff.speakerKind}${c.source.anonymous && !e.speakerKind ? ', anonymous' : ''})` }),
    e.speaker !== undefined ? h('span', { class: 'was', text: ` was: ${c.source.name || 'none'}` }) : null,
    c.cue ? h('span', { class: 'cue-text' }, ' · cue ', h('q', { text: c.cue.text })) : null),
  h('p', { class: 'claim-text' }, eff.text, e.text !== undefined ? h('span', { class: 'was', text: ' (edited)' }) : null),
  nums.length ? h('ul', { class: 'numbers' }, nums.map(n => h('li', {},
    h('span', { class: 'num', text: n.span.text }),
    ` ${n.kind}`,
    (e.counted?.[n.key] ?? n.counted?.text) ? h('span', {}, ' · counts ', h('em', { text: e.counted?.[n.key] ?? n.counted.text })) : null))) : null,
  explainOpen
    ? h('ol', { class: 'explain', 'aria-label': 'Why' }, explainLines
      ? explainLines.map(l => h('li', { text: l }))
      : h('li', { class: 'muted', text: state.explain ? 'the current extractor no longer makes this claim' : 'loading…' }))
    : h('button', { type: 'button', class: 'linkish', onclick: ev => { ev.stopPropagation(); selectClaim(i, {}); toggleExplain(); } }, 'why? ', h('kbd', { text: 'w' })));
}

function renderClaims() {
  const v = state.view;
  const panel = $('#claims');
  const reviewed = v.claims.filter(c => c.review?.decision).length;
  panel.replaceChildren(
    h('div', { class: 'panel-head' }, h('h2', { text: 'Claims' }), h('span', { class: 'muted', text: `${reviewed}/${v.claims.length} reviewed · most check-worthy first` })),
    v.claims.length ? h('ol', { class: 'claim-list' }, v.claims.map(claimCard)) : h('p', { class: 'empty', text: 'No claims in this article.' }),
    v.stale.length ? h('section', { class: 'stale' },
      h('h3', { text: `Stale: ${v.stale.length} decisions no longer apply` }),
      h('ul', {}, v.stale.map(s => h('li', {},
        h('span', { class: 'badge stale', text: 'stale' }), ' ', reviewBadges(s.review),
        h('p', { class: 'claim-text', text: s.snapshot.text }),
        h('p', { class: 'muted', text: s.reason + (s.similar ? ' · the same words are now another claim' : '') }))))) : null);
}

function selectClaim(i, { updateHash = true, scroll = true } = {}) {
  const v = state.view;
  if (!v || !v.claims.length) return;
  state.claimIndex = Math.max(0, Math.min(v.claims.length - 1, i));
  document.querySelectorAll('#text .sel').forEach(el => el.classList.remove('sel'));
  const segs = state.segmentsByClaim[state.claimIndex] || [];
  segs.forEach(el => el.classList.add('sel'));
  document.querySelectorAll('#claims li.claim').forEach((li, j) => {
    li.classList.toggle('selected', j === state.claimIndex);
    li.setAttribute('aria-selected', j === state.claimIndex ? 'true' : 'false');
  });
  const card = document.querySelector('#claims li.claim.selected');
  if (scroll && card && scroll !== 'text') card.scrollIntoView({ block: 'nearest' });
  if (scroll && segs[0] && scroll !== 'panel') segs[0].scrollIntoView({ block: 'center' });
  if (updateHash) history.replaceState(null, '', articleHash(v.article.id, v.claims[state.claimIndex].key));
}

function currentClaim() {
  return state.view?.claims[state.claimIndex] || null;
}

function updateClaimCard() {
  const c = currentClaim();
  const old = document.querySelector(`#claims li.claim[data-key="${c.key}"]`);
  if (old) old.replaceWith(claimCard(c, state.claimIndex));
  const reviewed = state.view.claims.filter(x => x.review?.decision).length;
  const count = document.querySelector('#claims .panel-head .muted');
  if (count) count.textContent = `${reviewed}/${state.view.claims.length} reviewed · most check-worthy first`;
}

async function decide(payload, message) {
  const c = currentClaim();
  if (!c || state.busy) return;
  state.busy = true;
  try {
    const res = await apiPost('/api/decisions', { articleId: state.view.article.id, claimKey: c.key, ...payload });
    c.review = res.review;
    updateClaimCard();
    toast(message, 'ok');
  } catch (err) {
    toast(err.message, 'error');
  } finally {
    state.busy = false;
  }
}

async function undo() {
  if (state.busy) return;
  state.busy = true;
  try {
    const res = await apiPost('/api/undo', { articleId: state.view.article.id });
    if (!res.undone) { toast('Nothing to undo in this article'); return; }
    const i = state.view.claims.findIndex(c => c.key === res.undone.key);
    if (i >= 0) {
      state.view.claims[i].review = res.review;
      state.claimIndex = i;
      renderClaims();
      selectClaim(i);
    }
    toast(`Undid ${res.undone.action}`, 'ok');
  } catch (err) {
    toast(err.message, 'error');
  } finally {
    state.busy = false;
  }
}

async function toggleExplain() {
  const c = currentClaim();
  if (!c) return;
  if (state.showExplain.has(c.key)) state.showExplain.delete(c.key);
  else state.showExplain.add(c.key);
  updateClaimCard();
  if (state.showExplain.has(c.key) && !c.explain && !state.explain) {
    try {
      state.explain = await apiGet(`/api/articles/${encodeURIComponent(state.view.article.id)}/explain`);
    } catch (err) {
      state.explain = { explain: {} };
      toast(err.message, 'error');
    }
    renderClaims();
    selectClaim(state.claimIndex, { scroll: 'panel', updateHash: false });
  }
}

function openEdit() {
  const c = currentClaim();
  if (!c) return;
  const eff = effective(c);
  const e = c.review?.edits || {};
  $('#edit-speaker').value = eff.speaker;
  $('#edit-kind').value = eff.speakerKind;
  $('#edit-status').value = eff.status;
  $('#edit-polarity').value = eff.polarity;
  $('#edit-hedged').checked = eff.hedged;
  $('#edit-text').value = eff.text;
  $('#edit-entities').replaceChildren(...state.view.entities.map(name => h('option', { value: name })));
  const counted = $('#edit-counted');
  const nums = c.numbers.map(k => state.view.numbers.find(n => n.key === k)).filter(Boolean);
  counted.replaceChildren(h('legend', { text: 'Counted entity' }),
    nums.length
      ? nums.map(n => h('label', {}, `“${n.span.text}” counts `, (() => { const inp = h('input', { 'data-number': n.key, 'aria-label': `what ${n.span.text} counts` }); inp.value = e.counted?.[n.key] ?? n.counted?.text ?? ''; return inp; })()))
      : h('p', { class: 'muted', text: 'This claim has no numbers.' }));
  $('#edit-title').textContent = `Edit claim #${c.rank}`;
  $('#edit').showModal();
  $('#edit-speaker').focus();
  $('#edit-speaker').select();
}

async function saveEdit() {
  if (!$('#edit').open) return;
  const counted = {};
  document.querySelectorAll('#edit-counted input[data-number]').forEach(inp => { counted[inp.getAttribute('data-number')] = inp.value; });
  const edits = {
    speaker: $('#edit-speaker').value,
    speakerKind: $('#edit-kind').value,
    status: $('#edit-status').value,
    polarity: $('#edit-polarity').value,
    hedged: $('#edit-hedged').checked,
    text: $('#edit-text').value,
  };
  if (Object.keys(counted).length) edits.counted = counted;
  $('#edit').close();
  await decide({ action: 'edit', edits }, 'Saved the edit');
}

function setVerdict(n) {
  const c = currentClaim();
  if (!c) return;
  const same = c.review?.verdict === n;
  const label = state.session?.verdicts?.[n] || String(n);
  decide({ action: 'verdict', verdict: same ? null : n }, same ? 'Verdict cleared' : `Verdict: ${label}`);
}

function stepArticle(delta) {
  const rows = state.list ? visibleArticles() : [];
  const i = rows.findIndex(a => a.id === state.view.article.id);
  const next = rows[i + delta];
  if (next) location.hash = articleHash(next.id);
  else toast(delta > 0 ? 'This is the last article' : 'This is the first article');
}

// ---------- keyboard ----------

function onKey(ev) {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  if (document.querySelector('dialog[open]')) return;
  const r = route();
  const k = ev.key;
  if (k === '?') { ev.preventDefault(); $('#help').showModal(); return; }
  if (r.name === 'list') {
    if (!state.list) return;
    if (k === 'j' || k === 'ArrowDown') moveList(1);
    else if (k === 'k' || k === 'ArrowUp') moveList(-1);
    else if (k === 'Enter' || k === 'o') { const a = visibleArticles()[state.listIndex]; if (a) location.hash = articleHash(a.id); }
    else if (k === 'f') cycleFilter(1);
    else if (k === 'F') cycleFilter(-1);
    else return;
    ev.preventDefault();
    return;
  }
  if (!state.view) return;
  switch (k) {
    case 'j': case 'ArrowDown': selectClaim(state.claimIndex + 1); break;
    case 'k': case 'ArrowUp': selectClaim(state.claimIndex - 1); break;
    case 'g': selectClaim(0); break;
    case 'G': selectClaim(state.view.claims.length - 1); break;
    case 'a': if (currentClaim()?.review?.decision === 'accepted') toast('Already accepted'); else decide({ action: 'accept' }, 'Accepted'); break;
    case 'x': if (currentClaim()?.review?.decision === 'rejected') toast('Already rejected'); else decide({ action: 'reject' }, 'Rejected'); break;
    case 'e': openEdit(); break;
    case 'u': undo(); break;
    case 'w': toggleExplain(); break;
    case '1': case '2': case '3': case '4': case '5': setVerdict(Number(k)); break;
    case '0': if (currentClaim()?.review?.verdict) decide({ action: 'verdict', verdict: null }, 'Verdict cleared'); break;
    case '[': stepArticle(-1); break;
    case ']': stepArticle(1); break;
    case 'Escape': case 'b': location.hash = '#/'; break;
    default: return;
  }
  ev.preventDefault();
}

// ---------- start ----------

async function start() {
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', render);
  $('#help-button').addEventListener('click', () => $('#help').showModal());
  $('#edit-form').addEventListener('submit', ev => { ev.preventDefault(); saveEdit(); });
  $('#edit-cancel').addEventListener('click', () => $('#edit').close());
  // Enter saves from any field (a select or checkbox would not submit by itself); Ctrl+Enter from the claim text
  $('#edit-form').addEventListener('keydown', ev => {
    if (ev.key !== 'Enter' || ev.isComposing) return;
    const tag = ev.target instanceof HTMLElement ? ev.target.tagName : '';
    if (tag === 'BUTTON' && !(ev.ctrlKey || ev.metaKey)) return;
    if (tag === 'TEXTAREA' && !(ev.ctrlKey || ev.metaKey)) return;
    ev.preventDefault();
    saveEdit();
  });
  $('#edit').addEventListener('close', () => $('#main').focus({ preventScroll: true }));
  try {
    state.session = await apiGet('/api/session');
    $('#who').textContent = `reviewing as ${state.session.reviewer}`;
  } catch (err) {
    toast(err.message, 'error');
  }
  if (!token) {
    const banner = $('#banner');
    banner.textContent = 'Read-only: this page was opened without the session token. Open the URL that "claimsift review" printed to record decisions.';
    banner.hidden = false;
  }
  await render();
  document.body.setAttribute('data-ready', 'true');
}

start();
