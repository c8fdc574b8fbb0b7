-- html.lua — HTML baskısı için pandoc süzgeci (Markdown bölümleri değişmez).
-- HTML dosyaları textbook/html/ altındadır, Markdown bölümleri bir üstte (textbook/):
--   "NN-ad.md#bolum" bağlantıları    -> "NN-ad.html#bolum"
--   "../lessons/..." gibi göreli yollar -> "../../lessons/..."
--   "runs/..." şekilleri               -> "../runs/..."
-- Ayrıca:
--   - Markdown'da (GitHub için) şeklin altındaki italik "*Şekil NN.k — ...*" satırı atılır:
--     HTML'de aynı başlık resmin alt metninden <figcaption> olur, iki kez görünmesin.
--   - her başlığın sonuna kendi adresine bir "¶" bağlantısı (kalıcı bağlantı) eklenir.
local function relocate(t)
  if t:match('^%a[%w+.-]*:') or t:match('^#') or t:match('^/') then return t end
  local base, frag = t:match('^([^#]*)(#?.*)$')
  if base:match('^[^/]+%.md$') then return base:gsub('%.md$', '.html') .. frag end
  return '../' .. t
end
function Link(l) l.target = relocate(l.target); return l end
function Image(i) i.src = relocate(i.src); return i end
function Para(p)
  local first = p.content[1]
  if #p.content >= 1 and first.t == 'Emph' and first.content[1]
     and first.content[1].t == 'Str' and first.content[1].text == 'Şekil' then
    return {}
  end
  return nil
end
function Header(h)
  if h.identifier ~= '' then
    h.content:insert(pandoc.Space())
    -- bağlantının metni boş, "¶" CSS'ten gelir: içindekiler listesine bir şey taşınmaz
    h.content:insert(pandoc.Link({}, '#' .. h.identifier, 'Bu başlığın bağlantısı',
                                 pandoc.Attr('', {'kalici'})))
  end
  return h
end
