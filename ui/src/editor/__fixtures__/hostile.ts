// Clipboard HTML crafted to run code or load things. Each sample names the
// harmless text that must survive cleaning.

export interface HostileSample {
  name: string;
  html: string;
  /** Text that must still be there after cleaning. */
  keeps: string[];
}

export const hostileSamples: HostileSample[] = [
  { name: "script element", html: "<p>Before<script>alert(1)</script> after</p>", keeps: ["Before", "after"] },
  { name: "script at top level", html: "<script>document.title='pwned'</script><p>Text</p>", keeps: ["Text"] },
  { name: "img onerror", html: '<p>Photo: <img src=x onerror=alert(1)> end</p>', keeps: ["Photo:", "end"] },
  { name: "javascript: link", html: '<p><a href="javascript:alert(1)">x</a></p>', keeps: ["x"] },
  { name: "mixed-case spaced javascript: link", html: '<p><a href=" JaVaScRiPt:alert(1)">click me</a></p>', keeps: ["click me"] },
  { name: "javascript: with a tab inside", html: '<p><a href="java\tscript:alert(1)">tabbed</a></p>', keeps: ["tabbed"] },
  { name: "entity-encoded javascript:", html: '<p><a href="&#106;avascript:alert(1)">encoded</a></p>', keeps: ["encoded"] },
  { name: "data: link", html: '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a></p>', keeps: ["data link"] },
  { name: "vbscript: link", html: '<p><a href="vbscript:msgbox(1)">vb link</a></p>', keeps: ["vb link"] },
  { name: "file: link", html: '<p><a href="file:///C:/Windows/System32/calc.exe">file link</a></p>', keeps: ["file link"] },
  { name: "onclick attributes", html: '<p onclick="alert(1)">Para <b onmouseover="alert(2)">bold</b> <span onfocus=alert(3) tabindex=0>span</span></p>', keeps: ["Para", "bold", "span"] },
  { name: "svg onload", html: '<p>Chart<svg onload=alert(1)><circle r="4"/></svg> here</p>', keeps: ["Chart", "here"] },
  { name: "svg with script and foreignObject", html: '<svg><script>alert(1)</script><foreignObject><p>inside svg</p></foreignObject></svg><p>after svg</p>', keeps: ["after svg"] },
  { name: "iframe", html: '<p>Frame<iframe src="https://evil.example/" onload=alert(1)>fallback</iframe> end</p>', keeps: ["Frame", "end"] },
  { name: "iframe srcdoc", html: '<iframe srcdoc="<script>alert(1)</script>"></iframe><p>after</p>', keeps: ["after"] },
  { name: "style with expression()", html: '<style>p { width: expression(alert(1)); }</style><p style="width:expression(alert(2));background:url(javascript:alert(3))">Styled</p>', keeps: ["Styled"] },
  { name: "object and embed", html: '<object data="evil.swf"><param name=x value=y>obj text</object><embed src="evil.swf"><p>kept</p>', keeps: ["kept"] },
  { name: "form and inputs", html: '<form action="https://evil.example/"><input value="secret" autofocus onfocus=alert(1)><button formaction="javascript:alert(1)">Go</button></form><p>form end</p>', keeps: ["form end"] },
  { name: "meta refresh and base", html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//"><p>meta</p>', keeps: ["meta"] },
  { name: "math and details ontoggle", html: '<math><mtext><img src=x onerror=alert(1)></mtext></math><details open ontoggle=alert(1)><summary>Summary</summary>Body</details>', keeps: ["Summary", "Body"] },
  { name: "comment hiding markup", html: '<p>Visible<!-- <img src=x onerror=alert(1)> --> text</p><!--[if IE]><script>alert(1)</script><![endif]-->', keeps: ["Visible", "text"] },
  { name: "link with event handler and good href", html: '<p><a href="https://example.org/" onclick="alert(1)" target="_blank" style="color:red">safe link</a></p>', keeps: ["safe link"] },
  { name: "style inside the body", html: '<p>a</p><style>p { background: url("javascript:alert(1)") }</style><p>b</p>', keeps: ["a", "b"] },
  { name: "markup hidden in a textarea", html: "<p>t</p><textarea><img src=x onerror=alert(1)></textarea>", keeps: ["t"] },
  { name: "iframe fallback text", html: "<p>f</p><iframe><script>alert(1)</script></iframe>", keeps: ["f"] },
  { name: "noscript and template", html: '<noscript><img src=x onerror=alert(1)></noscript><template><script>alert(1)</script></template><p>plain</p>', keeps: ["plain"] },
];
