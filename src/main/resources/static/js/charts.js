// Breakdown charts of a segment's members, from the counts the server computed.
const breakdowns = JSON.parse(document.getElementById("breakdowns").textContent);
const container = document.getElementById("charts");
const palette = ["#14213d", "#fca311", "#2a9d8f", "#e76f51", "#8d99ae", "#6a4c93", "#1982c4", "#8ac926", "#ff595e", "#6c757d"];

for (const [title, counts] of Object.entries(breakdowns)) {
  const figure = document.createElement("figure");
  const caption = document.createElement("figcaption");
  caption.textContent = title;
  const canvas = document.createElement("canvas");
  const labels = Object.keys(counts);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `${title}: ` + labels.map((l) => `${l} ${counts[l]}`).join(", "));
  figure.append(caption, canvas);
  container.append(figure);
  new window.Chart(canvas, {
    type: labels.length > 5 ? "bar" : "doughnut",
    data: { labels, datasets: [{ data: labels.map((l) => counts[l]), backgroundColor: palette }] },
    options: { plugins: { legend: { display: labels.length <= 5, position: "bottom" } }, animation: false,
      indexAxis: labels.length > 5 ? "y" : "x", maintainAspectRatio: false },
  });
}
