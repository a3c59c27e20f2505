// Plays an MP4 in headless Chromium (its own MP4 parser, not FFmpeg's) and prints what it decodes
// at a few times, to compare with FFmpeg: node check.js http://127.0.0.1:PORT/video.mp4 T1 T2 ...
const { chromium } = require('playwright-core');
(async () => {
  const [url, ...times] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage();
  await page.goto(new URL(url).origin + '/'); // same origin as the video, so fetch() may read it
  const result = await page.evaluate(async ({ url, times }) => {
    document.body.innerHTML = '<video id="v" muted></video><canvas id="c" width="7680" height="4320"></canvas>';
    const v = document.getElementById('v');
    const c = document.getElementById('c').getContext('2d', { willReadFrequently: true });
    // a Blob URL is seekable whatever the server does with Range requests
    v.src = URL.createObjectURL(await (await fetch(url)).blob());
    await new Promise((ok, fail) => { v.oncanplay = ok; v.onerror = () => fail(new Error(v.error.message)); });
    const samples = [];
    for (const t of times.map(Number)) {
      await new Promise(ok => { v.onseeked = ok; v.currentTime = t; });
      c.drawImage(v, 0, 0);
      const p = c.getImageData(Math.floor(v.videoWidth / 2), Math.floor(v.videoHeight / 4), 1, 1).data;
      samples.push({ t: v.currentTime, rgb: [p[0], p[1], p[2]] });
    }
    return { duration: v.duration, width: v.videoWidth, height: v.videoHeight,
             canPlay: v.canPlayType('video/mp4; codecs="avc1.4d4028, mp4a.40.2"'), samples,
             decoded: v.webkitDecodedFrameCount, dropped: v.webkitDroppedFrameCount };
  }, { url, times });
  console.log(JSON.stringify(result));
  await browser.close();
})().catch(e => { console.error('error: ' + e.message); process.exit(1); });
