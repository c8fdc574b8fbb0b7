-- html.lua — HTML baskısı için pandoc süzgeci (Markdown bölümleri değişmez).
-- HTML dosyaları textbook/html/ altındadır, Markdown bölümleri bir üstte (textbook/):
--   "NN-ad.md#bolum" bağlantıları    -> "NN-ad.html#bolum" (tek sayfalık kitapta "#bolum")
--   "../lessons/..." gibi göreli yollar -> "../../lessons/..."
--   "runs/..." şekilleri               -> "../runs/..."
-- Ayrıca:
--   - Metindeki ders göndermeleri ("lesson03'ün", "Ders 03") o bölüme bağlantı olur (kod
--     parçalarında ve komutlarda değil). Bölüm adları html.sh'in verdiği KITAP_BOLUMLER
--     ortam değişkeninden gelir ("00-gradyan 01-normalizasyon ...").
--   - Markdown'da (GitHub için) şeklin altındaki "*Şekil NN.k — ... (`ad.png`).* Açıklama"
--     satırı HTML'de resmin <figcaption>'ı olur (etiket kalın); satır ayrıca görünmez.
--   - her başlığın sonuna kendi adresine bir "¶" bağlantısı (kalıcı bağlantı) eklenir.
--   - arama dizini: KITAP_DIZIN ortam değişkeni bir dosya adıysa, sayfanın her bölümü
--     (başlık, adres, düz metin; kod blokları hariç) o dosyaya bir JSON nesnesi olarak eklenir;
--     html.sh bunları arama-dizin.js'te toplar (bkz. kitap.js).
--   - KITAP_TEK=1 (bütün kitap tek sayfa): bölümler arası bağlantılar sayfa içi olur, bölüm
--     başlarındaki ve sonlarındaki gezinme satırları atılır.
local tek = os.getenv('KITAP_TEK') == '1'
local bolum = {} -- "03" -> "03-metrikler"
local bu_sayfa = ((PANDOC_STATE.output_file or ''):match('([^/]+)%.html$')) or ''
for ad in (os.getenv('KITAP_BOLUMLER') or ''):gmatch('%S+') do
  local num = ad:match('^(%d%d)%-')
  -- sayfanın kendi dersine bağlantı olmaz
  if num and ad ~= bu_sayfa then bolum[num] = ad end
end

local function relocate(t)
  if t:match('^%a[%w+.-]*:') or t:match('^#') or t:match('^/') then return t end
  local base, frag = t:match('^([^#]*)(#?.*)$')
  if base:match('^[^/]+%.md$') then
    if tek then return frag ~= '' and frag or ('#' .. base:gsub('%.md$', '')) end
    return base:gsub('%.md$', '.html') .. frag
  end
  return '../' .. t
end

-- Str içindeki "lesson03" göndermelerini bağlantıya çevirir (önünde harf, '/', '_', '.' yoksa
-- ve ardından harf/rakam/'_' gelmiyorsa: dosya adları ve yollar bağlantı olmaz).
local function link_lessons(s)
  local out, last, pos, changed = pandoc.List(), 1, 1, false
  while true do
    local a, b, num = s:find('lesson(%d%d)', pos)
    if not a then break end
    local before = a > 1 and s:sub(a - 1, a - 1) or ''
    local after = s:sub(b + 1, b + 1)
    if bolum[num] and not before:match('[%w/_%.%-]') and not after:match('[%w_]') then
      if a > last then out:insert(pandoc.Str(s:sub(last, a - 1))) end
      out:insert(pandoc.Link({pandoc.Str('lesson' .. num)}, bolum[num] .. '.md'))
      changed = true
      last = b + 1
    end
    pos = b + 1
  end
  if not changed then return nil end
  if last <= #s then out:insert(pandoc.Str(s:sub(last))) end
  return out
end

local function xref(inl)
  local out = pandoc.List()
  local i = 1
  while i <= #inl do
    local e = inl[i]
    local nx, nx2 = inl[i + 1], inl[i + 2]
    -- "Ders 03" / "ders 03'te": Str, Space, Str(iki rakamla başlayan)
    if e.t == 'Str' and (e.text == 'Ders' or e.text == 'ders') and nx and nx.t == 'Space'
       and nx2 and nx2.t == 'Str' then
      local num, rest = nx2.text:match('^(%d%d)(.*)$')
      if num and bolum[num] and not rest:match('^[%d%.,]') then
        out:insert(pandoc.Link({pandoc.Str(e.text), pandoc.Space(), pandoc.Str(num)},
                               bolum[num] .. '.md'))
        if rest ~= '' then out:insert(pandoc.Str(rest)) end
        i = i + 3
        goto continue
      end
    end
    if e.t == 'Str' then
      local l = link_lessons(e.text)
      if l then out:extend(l) else out:insert(e) end
    else
      out:insert(e)
    end
    i = i + 1
    ::continue::
  end
  return out
end

-- İç içe bağlantı olmaz: bağlantının içindeki bağlantılar düz metne döner.
local function flatten(l)
  l.content = pandoc.walk_inline(pandoc.Span(l.content), {
    Link = function(x) return x.content end,
  }).content
  return l
end
function Link(l) l.target = relocate(l.target); return flatten(l) end
function Image(i) i.src = relocate(i.src); return i end

-- "*Şekil NN.k — ... (`ad.png`).* Açıklama" paragrafı mı?
local function is_caption(b)
  if b.t ~= 'Para' then return false end
  local first = b.content[1]
  return first and first.t == 'Emph' and first.content[1] and first.content[1].t == 'Str'
         and first.content[1].text == 'Şekil'
end
-- Bölüm başındaki/sonundaki gezinme satırı mı? ("[İçindekiler](...) · [← Ders 01](...) ...")
local function is_nav(b)
  if b.t ~= 'Para' then return false end
  local first = b.content[1]
  return first and first.t == 'Link' and pandoc.utils.stringify(first.content) == 'İçindekiler'
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
    elseif is_caption(b) or (tek and is_nav(b)) then
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

-- ---- arama dizini
local function json_str(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\'
    elseif c == '\n' or c == '\t' or c == '\r' then return ' ' end
    return ''
  end)
  return '"' .. s .. '"'
end
local function write_index(doc)
  local path = os.getenv('KITAP_DIZIN')
  if not path or path == '' then return nil end
  local page = (PANDOC_STATE.output_file or ''):match('([^/]+)$') or ''
  local doc_title = pandoc.utils.stringify(doc.meta.title or '')
  local f = io.open(path, 'a')
  if not f then return nil end
  local sec_title, sec_id, text = doc_title, '', {}
  local function flush()
    local t = table.concat(text, ' ')
    if #t > 0 or sec_id ~= '' then
      if #t > 4000 then t = t:sub(1, 4000) end
      local url = page .. (sec_id ~= '' and ('#' .. sec_id) or '')
      local title = sec_title
      if sec_id ~= '' and doc_title ~= '' then title = doc_title .. ' › ' .. sec_title end
      f:write('{"u":', json_str(url), ',"t":', json_str(title), ',"x":', json_str(t), '},\n')
    end
    text = {}
  end
  for _, b in ipairs(doc.blocks) do
    if b.t == 'Header' and b.level <= 2 and b.identifier ~= '' then
      flush()
      sec_id = b.identifier
      sec_title = pandoc.utils.stringify(b.content)
    elseif b.t ~= 'CodeBlock' and b.t ~= 'RawBlock' and b.t ~= 'Div' then
      text[#text + 1] = pandoc.utils.stringify(b)
    end
  end
  flush()
  f:close()
  return nil
end

-- Göndermeler yalnızca paragraflarda ve düz bloklarda (liste maddeleri, tablo hücreleri)
-- aranır: başlıklar, bağlantıların ve vurguların içi olduğu gibi kalır.
local function xref_block(b) b.content = xref(b.content); return b end

return {
  { Para = xref_block, Plain = xref_block },
  { Link = Link, Image = Image, Header = Header },
  { Blocks = merge_captions },
  { Pandoc = write_index },
}
