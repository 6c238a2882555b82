/** The format checks the properties rely on reject broken files (so a passing property means something). */
import { describe, expect, it } from 'vitest';
import { csvProblems, drawioValues, htmlProblems, jsonProblems, markdownProblems, xmlProblems } from './checks.js';

describe('format checks', () => {
  it('XML: unbalanced tags, raw < or bare & in attributes, forbidden characters', () => {
    expect(xmlProblems('a.drawio', '<a><b v="x &amp; &#xa; &lt;"/></a>')).toEqual([]);
    expect(xmlProblems('a.drawio', '<a><b></a>')).toHaveLength(1);
    expect(xmlProblems('a.drawio', '<a v="x<y"/>')).toHaveLength(1);
    expect(xmlProblems('a.drawio', '<a v="x & y"/>')).toHaveLength(1);
    expect(xmlProblems('a.drawio', '<a>\u0001</a>')).toHaveLength(1);
    expect(xmlProblems('a.drawio', '<a>&#1;</a>')).toHaveLength(1);
  });

  it('draw.io values come back decoded', () => {
    expect(drawioValues('<mxfile><root><mxCell id="1" value="a &lt;/mxCell&gt; &quot;]}&#xa;b"/><mxCell id="2"><g/></mxCell></root></mxfile>')).toEqual(['a </mxCell> "]}\nb']);
  });

  it('JSON and SARIF', () => {
    expect(jsonProblems('a.json', '{"a":1}')).toEqual([]);
    expect(jsonProblems('a.json', '{"a":1')).toHaveLength(1);
    expect(jsonProblems('a.sarif', '{"version":"2.1.0"}')).toHaveLength(1);
  });

  it('CSV: loose quotes, ragged rows and formula cells; numbers may carry a sign', () => {
    expect(csvProblems('a.csv', 'a,b\r\n-2,"\'=cmd|x"\r\n')).toEqual([]);
    expect(csvProblems('a.csv', 'a,b\r\nx"y,1\r\n')).toHaveLength(1);
    expect(csvProblems('a.csv', 'a,b\r\n1\r\n')).toHaveLength(1);
    expect(csvProblems('a.csv', 'a,b\r\n=cmd|x,1\r\n')).toHaveLength(1);
    expect(csvProblems('a.csv', 'a,b\r\n"@SUM(A1)",-x\r\n')).toHaveLength(2);
  });

  it('Markdown: a raw pipe or a line break inside a cell breaks the table', () => {
    const table = (row: string) => `# T\n\n| a | b |\n| --- | --- |\n${row}\n`;
    expect(markdownProblems('a.md', table('| x \\| y | z |'))).toEqual([]);
    expect(markdownProblems('a.md', table('| x | y | z |')).length).toBeGreaterThan(0);
    expect(markdownProblems('a.md', table('| x\ny | z |')).length).toBeGreaterThan(0);
  });

  it('HTML: injected markup', () => {
    expect(htmlProblems('a.html', '&lt;script&gt;alert(1)')).toEqual([]);
    expect(htmlProblems('a.html', '<td><script>alert(1)</script></td>')).toHaveLength(1);
  });
});
