-- html.lua — HTML baskısı için pandoc süzgeci (Markdown bölümleri değişmez).
-- HTML dosyaları textbook/html/ altındadır, Markdown bölümleri bir üstte (textbook/):
--   "NN-ad.md#bolum" bağlantıları    -> "NN-ad.html#bolum"
--   "../lessons/..." gibi göreli yollar -> "../../lessons/..."
--   "runs/..." şekilleri               -> "../runs/..."
-- Ayrıca:
--   - Markdown'da (GitHub için) şeklin altındaki "*Şekil NN.k — ... (`ad.png`).* Açıklama"
--     satırı HTML'de resmin <figcaption>'ı olur (etiket kalın); satır ayrıca görünmez.
--   - her başlığın sonuna kendi adresine bir "¶" bağlantısı (kalıcı bağlantı) eklenir.
local function relocate(t)
  if t:match('^%a[%w+.-]*:') or t:match('^#') or t:match('^/') then return t end
  local base, frag = t:match('^([^#]*)(#?.*)$')
  if base:match('^[^/]+%.md$') then return base:gsub('%.md$', '.html') .. frag end
  return '../' .. t
end
function Link(l) l.target = relocate(l.target); return l end
function Image(i) i.src = relocate(i.src); return i end
-- "*Şekil NN.k — ... (`ad.png`).* Açıklama" paragrafı mı?
local function is_caption(b)
  if b.t ~= 'Para' then return false end
  local first = b.content[1]
  return first and first.t == 'Emph' and first.content[1] and first.content[1].t == 'Str'
         and first.content[1].text == 'Şekil'
end
-- Tek resimli paragraf (pandoc'un şekli) ve ardından gelen başlık satırı: başlık satırı
-- <figcaption> olur (etiket kalın, açıklama düz); alt metin etiketin kendisi kalır.
local function merge_captions(blocks)
  local out = pandoc.List()
  local i = 1
  while i <= #blocks do
    local b = blocks[i]
    local nxt = blocks[i + 1]
    if b.t == 'Para' and #b.content == 1 and b.content[1].t == 'Image' and nxt and is_caption(nxt) then
      local img = b.content[1]
      local cap = pandoc.List()
      cap:insert(pandoc.Strong(nxt.content[1].content))
      for k = 2, #nxt.content do cap:insert(nxt.content[k]) end
      img.caption = cap
      img.title = 'fig:'
      out:insert(pandoc.Para({img}))
      i = i + 2
    elseif is_caption(b) then
      i = i + 1
    else
      out:insert(b)
      i = i + 1
    end
  end
  return out
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

return {
  { Link = Link, Image = Image, Header = Header },
  { Blocks = merge_captions },
}
