-- html.lua — HTML baskısı için pandoc süzgeci (Markdown bölümleri değişmez).
-- HTML dosyaları textbook/html/ altındadır, Markdown bölümleri bir üstte (textbook/):
--   "NN-ad.md#bolum" bağlantıları    -> "NN-ad.html#bolum"
--   "../lessons/..." gibi göreli yollar -> "../../lessons/..."
--   "runs/..." şekilleri               -> "../runs/..."
local function relocate(t)
  if t:match('^%a[%w+.-]*:') or t:match('^#') or t:match('^/') then return t end
  local base, frag = t:match('^([^#]*)(#?.*)$')
  if base:match('^[^/]+%.md$') then return base:gsub('%.md$', '.html') .. frag end
  return '../' .. t
end
function Link(l) l.target = relocate(l.target); return l end
function Image(i) i.src = relocate(i.src); return i end
