"""Draws assets/icon.png: the app icon, a 4 x 4 likelihood x severity heat map on a navy tile.

Drawn at 512 px and saved at 128 px: the window icon, which window managers show at 16 to 128 px;
the app keeps the decoded icon for as long as it runs (a 512 px one is 1 MB of its memory).

Run with `python3 assets/make_icon.py` (needs Pillow). The colours are those of src/palette.rs.
"""

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 512
SAVED_SIZE = 128
NAVY = (0x1F, 0x3A, 0x68)
LEVELS = {
    "low": (0x9B, 0xD3, 0xAE),
    "medium": (0xF6, 0xD3, 0x65),
    "high": (0xF0, 0x8A, 0x4B),
    "very high": (0xC6, 0x28, 0x28),
}


def level(score):
    if score <= 3:
        return LEVELS["low"]
    if score <= 6:
        return LEVELS["medium"]
    if score <= 9:
        return LEVELS["high"]
    return LEVELS["very high"]


def main():
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=NAVY)
    margin, gap = 92, 14
    cell = (SIZE - 2 * margin - 3 * gap) / 4
    for row in range(4):
        likelihood = 4 - row
        for col in range(4):
            severity = col + 1
            x = margin + col * (cell + gap)
            y = margin + row * (cell + gap)
            draw.rounded_rectangle(
                (x, y, x + cell, y + cell), radius=14, fill=level(severity * likelihood)
            )
    out = Path(__file__).with_name("icon.png")
    image.resize((SAVED_SIZE, SAVED_SIZE), Image.LANCZOS).save(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
