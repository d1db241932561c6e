// The set-up every browser test file shares: where the built app is served (globalSetup), one Chromium for
// the file, launched before its tests and closed after them, and a page opened on the app that records what
// went wrong on it.
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageProblems } from './browser.ts';
import { openApp } from './app.ts';

/** The built app's address, and its origin: a request anywhere else is a foreign one. */
export const baseUrl = inject('baseUrl');
export const origin = new URL(baseUrl).origin;

/** The viewport of most tests. */
export const DESKTOP = { width: 1280, height: 900 };

export interface BrowserSession {
  /** The file's Chromium (from its beforeAll on). */
  readonly browser: Browser;
  /** The file's context: only when setUpBrowser was given options for one. */
  readonly context: BrowserContext;
}

/**
 * Launches Chromium before the file's tests, with one context of `contextOptions` when they are given, and
 * closes it after them. Call at the top level of a test file.
 */
export function setUpBrowser(contextOptions?: BrowserContextOptions): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    if (contextOptions) context = await browser.newContext(contextOptions);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('setUpBrowser: the browser is launched in beforeAll');
      return browser;
    },
    get context() {
      if (!context) throw new Error('setUpBrowser: no context (give setUpBrowser its options)');
      return context;
    },
  };
}

/** A new page of `context` on the app at `hash`, its controls on screen. */
export async function openPage(context: BrowserContext, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await openApp(page, baseUrl, hash);
  return page;
}

/** A new page of `context` on the app at `hash`, recording its console errors, page errors and foreign requests. */
export async function openWatched(
  context: BrowserContext,
  hash = '',
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems = watchPage(page, origin);
  await openApp(page, baseUrl, hash);
  return { page, problems };
}
