// The language and theme menus write the store's `lang` and `theme`, and take their labels from the table of
// the store's language.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { LanguageSwitcher } from '../../src/components/shell/LanguageSwitcher.tsx';
import { ThemeSwitcher } from '../../src/components/shell/ThemeSwitcher.tsx';
import { renderWithStore } from './renderWithStore.tsx';

describe('LanguageSwitcher', () => {
  it('choosing 中文 sets lang = "zh", and English sets it back', async () => {
    const { store, user } = renderWithStore(<LanguageSwitcher />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select).toHaveProperty('value', 'en');
    expect(screen.getByRole('option', { name: '中文' }).getAttribute('lang')).toBe('zh-CN');

    await user.selectOptions(select, '中文');
    expect(store.getState().lang).toBe('zh');
    expect(select).toHaveProperty('value', 'zh');

    await user.selectOptions(select, 'English');
    expect(store.getState().lang).toBe('en');
  });

  it('shows the language the store holds, labelled in that language', () => {
    renderWithStore(<LanguageSwitcher />, { lang: 'zh' });
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveProperty('value', 'zh');
  });
});

describe('ThemeSwitcher', () => {
  it('lists the four themes by their translated names and sets the store’s theme', async () => {
    const { store, user } = renderWithStore(<ThemeSwitcher />, { lang: 'zh' });
    const select = screen.getByRole('combobox', { name: '主题' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      '跟随系统',
      '浅色',
      '深色',
      '投影',
    ]);
    await user.selectOptions(select, '投影');
    expect(store.getState().theme).toBe('projector');
    await user.selectOptions(select, '深色');
    expect(store.getState().theme).toBe('dark');
  });
});
