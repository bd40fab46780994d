namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>A check axe does not make: a page seen on a phone needs no sideways scrolling (WCAG 1.4.10, reflow).</summary>
internal static class PhoneLayout
{
    /// <summary>On a phone the page fits the screen's width: long web addresses wrap instead of pushing the page sideways.</summary>
    public static async Task ExpectFitsTheScreenAsync(IPage page)
    {
        // When the page scrolls sideways, the innermost elements past the right edge say what to fix.
        var tooWide = await page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) {
                    return [];
                }
                const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
                const innermost = wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 5);
                return innermost.length > 0
                    ? innermost.map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}: ${e.textContent.trim().slice(0, 60)}`)
                    : [`the page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`];
            }
            """);
        Assert.True(tooWide.Length == 0, $"On a phone, {page.Url} is wider than the screen because of:{Environment.NewLine}{string.Join(Environment.NewLine, tooWide)}");
    }
}
