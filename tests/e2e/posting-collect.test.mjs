// The posting collector (extension/posting/collect.js) on each posting fixture, served in
// plain Chromium under the site's real address, run in the page as executeScript runs it: the
// function's own source, evaluated alone. What it collects is asserted per site. With
// POSTING_SNAPSHOTS=1 each answer is saved as tests/fixtures/postings/<name>.collected.json,
// which the native test tests/posting.rs reads with the Rust core.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS, root } from './harness.mjs';
import { collectPosting } from '../../extension/posting/collect.js';

const FIXTURES = join(root, 'tests/fixtures/postings');

const PAGES = {
  greenhouse: 'https://boards.greenhouse.io/acmerobotics/jobs/4012345?gh_src=a1b2c3d4',
  'greenhouse-embed': 'https://www.example-robotics.com/careers?gh_jid=4012345&utm_source=newsletter',
  lever: 'https://jobs.lever.co/northwind/6c1e4f0a-8b1d-4a52-9d0e-2f5b7a9c3e11?lever-source=LinkedIn',
  workday: 'https://contoso.wd5.myworkdayjobs.com/en-US/External/job/Berlin-Germany/Senior-Data-Engineer_R-10234?source=LinkedIn',
  linkedin: 'https://www.linkedin.com/jobs/view/3901234567/?refId=abc%3D%3D&trackingId=xyz&trk=flagship3_search_srp_jobs',
  indeed: 'https://www.indeed.com/viewjob?jk=4f3e2d1c0b9a8776&from=serp&vjs=3&tk=1abc',
  careers: 'https://careers.northwind-traders.example/en-us/jobs/1234-data-analyst/?utm_source=linkedin&utm_medium=social#apply',
  icims: 'https://careers-fourthcoffee.icims.com/jobs/5521/registered-nurse/job?mobile=false&needsRedirect=false',
  'no-posting': 'https://blog.example.org/2026/03/how-to-follow-up',
};

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: QUIET_FLAGS, headless: true });
});
after(async () => {
  await browser?.close();
});

/** What the collector returns on fixture `name`, served at its address. */
async function collect(name) {
  const address = PAGES[name];
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The fixture at its own address; every other request (an embedded board's frame) gets an
  // empty page, so nothing leaves the machine.
  await page.route('**/*', (route) =>
    route.request().url().split('#')[0] === address.split('#')[0]
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }),
  );
  await page.goto(address);
  const got = await page.evaluate(`(${collectPosting.toString()})()`);
  await page.close();
  assert.deepEqual(errors, []);
  if (process.env.POSTING_SNAPSHOTS === '1') {
    writeFileSync(join(FIXTURES, `${name}.collected.json`), `${JSON.stringify(got, null, 2)}\n`);
  }
  return got;
}

test('the collector is one self-contained function', () => {
  const source = collectPosting.toString();
  assert.match(source, /^function collectPosting\(\)/);
  // Evaluated alone, away from this module: nothing outside its body is needed.
  assert.equal(typeof new Function(`return (${source})`)(), 'function');
});

test('Greenhouse board: the header and description elements', async () => {
  const got = await collect('greenhouse');
  assert.equal(got.url, PAGES.greenhouse);
  assert.equal(got.canonical, 'https://boards.greenhouse.io/acmerobotics/jobs/4012345');
  assert.deepEqual(got.jsonld, []);
  assert.equal(got.sites.greenhouse.title, 'Firmware Engineer');
  assert.equal(got.sites.greenhouse.company, 'at Acme Robotics');
  assert.equal(got.sites.greenhouse.location, 'Pittsburgh, PA');
  assert.match(got.sites.greenhouse.description, /^About the role\n/);
  assert.match(got.sites.greenhouse.description, /<script>alert\(1\)<\/script>/, 'text that looks like markup stays text');
  assert.deepEqual(Object.keys(got.sites), ['greenhouse']);
});

test('embedded Greenhouse board: the frame address and gh_jid, nothing from the frame', async () => {
  const got = await collect('greenhouse-embed');
  assert.deepEqual(got.sites, {
    greenhouse: {
      iframeSrc: 'https://boards.greenhouse.io/embed/job_app?for=examplerobotics&token=4012345&b=https%3A%2F%2Fwww.example-robotics.com%2Fcareers',
      ghJid: '4012345',
    },
  });
  assert.equal(got.meta['og:site_name'], 'Example Robotics');
  assert.equal(got.title, 'Careers | Example Robotics');
});

test('Lever: title, place, commitment and description', async () => {
  const got = await collect('lever');
  assert.deepEqual(
    { ...got.sites.lever, description: undefined },
    { title: 'Product Designer', location: 'Berlin, Germany', employmentType: 'Full-time', description: undefined },
  );
  assert.match(got.sites.lever.description, /^We are looking for a product designer/);
  assert.equal(got.meta['twitter:title'], 'Northwind - Product Designer');
});

test('Workday: the data-automation-id fields', async () => {
  const got = await collect('workday');
  const w = got.sites.workday;
  assert.equal(w.title, 'Senior Data Engineer');
  // The values, without the labels only screen readers see.
  assert.equal(w.location, 'Berlin, Germany\nMunich, Germany');
  assert.equal(w.employmentType, 'Full time');
  assert.equal(w.posted, 'Posted 3 Days Ago');
  assert.equal(w.identifier, 'R-10234');
  assert.match(w.description, /Build the pipelines/);
  assert.equal(got.lang, 'en-US');
});

test('LinkedIn job view: the top card and the description', async () => {
  const got = await collect('linkedin');
  const l = got.sites.linkedin;
  assert.deepEqual([l.title, l.company, l.location], ['Backend Engineer', 'Fabrikam', 'Hamburg, Germany']);
  assert.match(l.description, /^About the job\n/);
  assert.equal(got.canonical, 'https://www.linkedin.com/jobs/view/3901234567/');
  assert.equal(got.meta['og:site_name'], 'LinkedIn');
});

test('Indeed: the header without its hidden suffix, the company and the place', async () => {
  const got = await collect('indeed');
  const i = got.sites.indeed;
  assert.deepEqual([i.title, i.company, i.location], ['Warehouse Team Lead', 'Tailspin Logistics', 'Columbus, OH 43215']);
  assert.match(i.description, /^Lead a team of eight/);
});

test('careers page: every JSON-LD block as raw text, the damaged one too; no site read', async () => {
  const got = await collect('careers');
  assert.equal(got.jsonld.length, 3);
  assert.match(got.jsonld[0], /"@graph"/);
  assert.match(got.jsonld[1], /^\/\/<!\[CDATA\[/);
  assert.match(got.jsonld[2], /"mainEntity": \[$/);
  assert.deepEqual(got.sites, {});
  assert.equal(got.url, PAGES.careers);
});

test('iCIMS: the escaped block exactly as the page has it', async () => {
  const got = await collect('icims');
  assert.equal(got.jsonld.length, 1);
  assert.match(got.jsonld[0], /^\s*\{&quot;@context&quot;/);
  assert.deepEqual(got.sites, {});
});

test('a page with no posting: its article block and meta tags, no site fields', async () => {
  const got = await collect('no-posting');
  assert.equal(got.jsonld.length, 1);
  assert.deepEqual(got.sites, {});
  assert.deepEqual(got.microdata, []);
  assert.equal(got.meta['og:type'], 'article');
});

test('a hostile page: huge and many blocks, deep microdata, a throwing getter; bounded, nothing thrown', async () => {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>x</title><body></body>' }));
  await page.goto('https://www.linkedin.com/jobs/view/1/');
  await page.evaluate(() => {
    const big = 'x'.repeat(1_200_000);
    for (let i = 0; i < 30; i += 1) {
      const s = document.createElement('script');
      s.type = 'application/ld+json';
      s.textContent = i === 0 ? big : `{"@type":"Thing","name":"${'y'.repeat(200_000)}"}`;
      document.head.append(s);
    }
    let scope = document.body;
    for (let i = 0; i < 2000; i += 1) {
      const el = document.createElement('div');
      el.setAttribute('itemscope', '');
      el.setAttribute('itemprop', 'x');
      el.setAttribute('itemtype', 'https://schema.org/JobPosting');
      scope.append(el);
      scope = el;
    }
    const title = document.createElement('h1');
    title.className = 'job-details-jobs-unified-top-card__job-title';
    Object.defineProperty(title, 'innerText', { get() { throw new Error('hostile'); } });
    document.body.append(title);
  });
  const got = await page.evaluate(`(${collectPosting.toString()})()`);
  await page.close();
  assert.equal(got.jsonld.length, 20);
  assert.equal(got.jsonld[0], '', 'a block over 1 MB is sent empty');
  assert.ok(JSON.stringify(got).length < 2_200_000, 'about 2 MB at most');
  assert.equal(got.microdata.length, 1, 'nested items are read inside the outer one');
  let depth = 0;
  for (let item = got.microdata[0]; item?.props?.x; item = item.props.x[0]) depth += 1;
  assert.ok(depth <= 5, `microdata depth ${depth}`);
});
