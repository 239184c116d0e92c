/** The whole stylesheet of a low-data page, inlined: readable type, no web fonts, no images. */
export const liteCss = `
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#17212b;background:#fff}
main,header,footer{max-width:42rem;margin:0 auto;padding:0 1rem}header{padding-top:.75rem;border-bottom:1px solid #d5dde4}
a{color:#0f5f68}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.2rem}h3{font-size:1.05rem}.muted{color:#4a5866;font-size:.9rem}
aside{border-inline-start:4px solid #0f5f68;background:#f2f7f8;padding:.5rem .9rem;margin:1rem 0}aside.redflag{border-color:#a4262c;background:#fbefef}aside.warning{border-color:#8a5a00;background:#fbf5e8}
.ph{display:block;border:1px dashed #9aa6b2;padding:.6rem;margin:1rem 0;text-decoration:none}
details{border:1px solid #d5dde4;border-radius:6px;padding:.5rem .8rem;margin:1rem 0}summary{cursor:pointer;font-weight:600}
.kc ol{padding-inline-start:1.3rem}button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #0f5f68;background:#0f5f68;color:#fff}
nav.pn{display:flex;justify-content:space-between;gap:1rem;margin:1.5rem 0;flex-wrap:wrap}table{border-collapse:collapse}td,th{border:1px solid #d5dde4;padding:.25rem .5rem}
.refs{font-size:.9rem;border-top:1px solid #d5dde4;margin-top:2rem}footer{font-size:.85rem;color:#4a5866;padding-bottom:2rem}
:root{color-scheme:light dark}@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0f1419}a{color:#6cc5cf}.muted,footer{color:#a9b6c2}
aside{background:#1f3a3e}aside.redflag{background:#2e1416}aside.warning{background:#2e2410}button{background:#6cc5cf;border-color:#6cc5cf;color:#0f1419}}
`.replace(/\n/g, '');
