import { describe, expect, test } from 'vitest';
import { Fragment, h, jsx, renderChildren } from '@/lib/lite/html';

describe('the string JSX runtime', () => {
  test('escapes text and attributes, keeps markup, drops empty values', () => {
    const html = renderChildren(h('p', { className: 'x', title: 'a "quote"', hidden: true, onClick: () => 1, 'data-n': 3, off: false }, '<b>&', h('em', null, 'ok'), null, false, 0));
    expect(html).toBe('<p class="x" title="a &quot;quote&quot;" hidden data-n="3">&lt;b&gt;&amp;<em>ok</em>0</p>');
  });
  test('void elements close themselves; fragments and components render their children', () => {
    const Item = ({ label }: Record<string, unknown>) => h('li', null, String(label));
    expect(renderChildren(jsx(Fragment, { children: [h('br', null), jsx(Item, { label: 'a<' })] }))).toBe('<br><li>a&lt;</li>');
  });
  test('refuses attribute names that could break out of the tag', () => {
    expect(renderChildren(h('a', { 'x onload=alert(1)': 'y', href: '/z' }))).toBe('<a href="/z"></a>');
  });
});
