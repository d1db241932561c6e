// Parts whose code downloads when first needed (src/components/lazyPart.tsx): a placeholder until the code
// has arrived, the part at once after that; and the language menu, which switches only once the chosen
// language's table is in, so the page never goes blank nor mixes two languages meanwhile.
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { lazyPart } from '../../src/components/lazyPart.tsx';
import { ShellSelect } from '../../src/components/shell/ShellSelect.tsx';
import { renderWithStore } from './renderWithStore.tsx';

/** A promise settled by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function Greeting({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

describe('lazyPart', () => {
  it('shows the placeholder until the code arrives, then the part with its props', async () => {
    const code = deferred<typeof Greeting>();
    let loads = 0;
    const Part = lazyPart(() => {
      loads++;
      return code.promise;
    });
    await act(async () => {
      render(
        <Suspense fallback={<p>placeholder</p>}>
          <Part name="β" />
        </Suspense>,
      );
    });
    expect(screen.getByText('placeholder')).toBeTruthy();
    expect(screen.queryByText('hello β')).toBeNull();
    await act(async () => code.resolve(Greeting));
    expect(await screen.findByText('hello β')).toBeTruthy();
    expect(screen.queryByText('placeholder')).toBeNull();
    expect(loads).toBe(1);
  });

  it('once loaded, renders at once where it mounts again (no placeholder) and never downloads twice', async () => {
    let loads = 0;
    const Part = lazyPart(() => {
      loads++;
      return Promise.resolve(Greeting);
    });
    await Part.preload();
    await Part.preload();
    render(
      <Suspense fallback={<p>placeholder</p>}>
        <Part name="again" />
      </Suspense>,
    );
    // Synchronously after the render: no suspending, so no placeholder in between.
    expect(screen.getByText('hello again')).toBeTruthy();
    expect(screen.queryByText('placeholder')).toBeNull();
    expect(loads).toBe(1);
  });

  it('asks again after a failed download', async () => {
    let loads = 0;
    const Part = lazyPart(() => {
      loads++;
      return loads === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting);
    });
    await expect(Part.preload()).rejects.toThrow('offline');
    await Part.preload();
    expect(loads).toBe(2);
    render(<Part name="retried" />);
    expect(screen.getByText('hello retried')).toBeTruthy();
  });
});

describe('a prepared menu choice (the language menu waits for the table)', () => {
  function Menu({ prepare }: { prepare: (v: string) => Promise<unknown> }) {
    return (
      <ShellSelect field="lang" label="Language" className="language-switcher" prepare={prepare}>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </ShellSelect>
    );
  }

  it('keeps the current choice until the new one is ready, then takes it', async () => {
    const table = deferred<void>();
    const { store, user } = renderWithStore(<Menu prepare={() => table.promise} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '中文');
    expect(store.getState().lang).toBe('en');
    await act(async () => table.resolve());
    expect(store.getState().lang).toBe('zh');
  });

  it('drops a choice still being prepared when another is made, and takes a failed one anyway', async () => {
    const zh = deferred<void>();
    const { store, user } = renderWithStore(
      <Menu prepare={(v) => (v === 'zh' ? zh.promise : Promise.reject(new Error('offline')))} />,
      { lang: 'zh' },
    );
    const select = screen.getByRole('combobox', { name: 'Language' });
    // en fails to prepare: taken anyway (the page then waits for its table itself).
    await user.selectOptions(select, 'English');
    await act(async () => {});
    expect(store.getState().lang).toBe('en');
    // zh starts preparing, then en is chosen (and taken) before zh is ready: zh arriving changes nothing.
    await user.selectOptions(select, '中文');
    await user.selectOptions(select, 'English');
    await act(async () => zh.resolve());
    expect(store.getState().lang).toBe('en');
  });
});
