#!/usr/bin/env python3
"""Generate a synthetic corpus of manufacturing news in Vietnamese, Chinese and English.

    python bench/generate.py OUT_DIR --mb 10 [--seed 1] [--doc-kb 4] [--langs vi,zh,en]
                             [--single-file] [--gold GOLD.jsonl]

Documents are composed from sentence templates filled with random but plausible
values, units, qualifiers, entities and places, mixed with distractor sentences
(dates, times, decree numbers, ordinals, versions, phone numbers, URLs) that hold no
figure. The same seed gives byte-identical output. Writing is streamed: one
document is built, written and dropped, so memory stays flat for any --mb.

Output: OUT_DIR/<lang>-<shard>/<lang>-<n>.txt (1000 documents a shard), or with
--single-file one file OUT_DIR/corpus.txt holding all documents separated by blank
lines. --gold also writes the figures the generator placed, in the scorer's format
(doc ids relative to OUT_DIR), so a run can be scored as well as timed. The gold
is as good as the templates: realistic, not hand-checked.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys

# --------------------------------------------------------------------------------------------
# number formatting per language: (integer part separator, decimal separator)
SEP = {"vi": (".", ","), "en": (",", "."), "zh": (",", ".")}


def group(n: int, sep: str) -> str:
    s = str(n)
    out = []
    while len(s) > 3:
        out.append(s[-3:])
        s = s[:-3]
    out.append(s)
    return sep.join(reversed(out))


def fmt(r: random.Random, lang: str, lo: float, hi: float, decimals=(0, 0, 1, 1, 2), grouping=True):
    """A random number between lo and hi (log-uniform), as (surface, value)."""
    x = math.exp(r.uniform(math.log(lo), math.log(hi)))
    d = r.choice(decimals)
    if x >= 1000:
        d = 0
    m = round(x * 10 ** d)
    if m == 0:
        m = 1
    ip, fp = divmod(m, 10 ** d)
    gsep, dsep = SEP[lang]
    if lang == "zh" and r.random() < 0.6:
        gsep = ""  # Chinese news often writes 12486.3 without grouping
    s = group(ip, gsep) if grouping and gsep else str(ip)
    if d:
        s += dsep + str(fp).rjust(d, "0")
    return s, m / 10 ** d


class Doc:
    """Accumulates text and the figures placed in it, with str offsets."""

    def __init__(self):
        self.parts: list[str] = []
        self.n = 0
        self.figs: list[dict] = []

    def add(self, text: str):
        self.parts.append(text)
        self.n += len(text)

    def fig(self, surface: str, value: float, unit: str, kind: str, approx="exact", entity="",
            series="", role="", period=""):
        self.figs.append({"start": self.n, "end": self.n + len(surface), "text": surface,
                          "value": value, "unit": unit, "kind": kind, "approx": approx,
                          "entity": entity, "series": series, "role": role, "period": period})
        self.add(surface)

    def text(self) -> str:
        return "".join(self.parts)

    def mark(self):
        return len(self.parts), self.n, len(self.figs)

    def rollback(self, m):
        del self.parts[m[0]:]
        self.n = m[1]
        del self.figs[m[2]:]

    def rising(self, up=True) -> bool:
        """Whether the last two figures (a from/to pair) go in the stated direction."""
        a, b = self.figs[-2]["value"], self.figs[-1]["value"]
        return b > a if up else b < a


# --------------------------------------------------------------------------------------------
# language data: places, companies, entities, qualifiers, units, templates

VI = {
    "places": ["Bắc Ninh", "Bình Dương", "Hải Phòng", "Đồng Nai", "Long An", "Thái Nguyên", "Quảng Ninh",
               "Bắc Giang", "Nghệ An", "Thanh Hóa", "Hà Nam", "Vĩnh Phúc", "Bà Rịa - Vũng Tàu", "Quảng Ngãi"],
    "companies": ["Công ty TNHH Điện tử Minh Phát", "Tập đoàn Thép Phương Nam", "Công ty CP Dệt may Hòa Bình",
                  "Công ty TNHH Linh kiện Sao Việt", "Tổng công ty Cơ khí Đông Á", "Công ty CP Pin Năng lượng Lạc Hồng",
                  "Công ty TNHH Giày da Tân Phú", "Công ty CP Ô tô Trường Sơn", "Công ty TNHH Bán dẫn Hồng Hà"],
    "count_ent": ["công nhân", "lao động", "kỹ sư", "doanh nghiệp", "dự án", "nhà máy", "dây chuyền", "chiếc xe",
                  "robot công nghiệp", "nhà xưởng", "đơn vị"],
    "metrics": ["doanh thu", "kim ngạch xuất khẩu", "vốn đầu tư", "lợi nhuận", "giá trị sản xuất", "vốn FDI đăng ký"],
    "products": ["thép", "xi măng", "phân bón", "linh kiện điện tử", "sợi", "giày dép", "pin lithium", "tấm pin mặt trời"],
    "approx": [("hơn", "more_than"), ("trên", "more_than"), ("gần", "nearly"), ("khoảng", "about"),
               ("xấp xỉ", "about"), ("ít nhất", "at_least"), ("dưới", "less_than"), ("tối đa", "at_most")],
    "words": {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười",
              15: "mười lăm", 20: "hai mươi", 25: "hai mươi lăm", 30: "ba mươi", 100: "một trăm"},
}
ZH = {
    "places": ["苏州工业园区", "合肥经开区", "宁波杭州湾新区", "西安高新区", "成都天府新区", "东莞松山湖", "武汉光谷",
               "天津滨海新区", "青岛西海岸新区", "重庆两江新区", "常州武进", "佛山顺德"],
    "companies": ["华科新能源", "中联精密", "瑞丰钢铁", "远航汽车", "星辰半导体", "恒信化工", "东方电气装备", "博远光伏"],
    "count_ent": [("家", "企业"), ("个", "项目"), ("台", "工业机器人"), ("辆", "新能源汽车"), ("名", "员工"),
                  ("条", "生产线"), ("座", "工厂"), ("套", "储能系统"), ("个", "就业岗位")],
    "metrics": ["营业收入", "工业增加值", "出口额", "利润总额", "固定资产投资", "制造业投资"],
    "products": ["粗钢", "水泥", "多晶硅", "正极材料", "动力电池", "光伏组件", "化肥", "铜箔"],
    "pre": [("超过", "more_than"), ("逾", "more_than"), ("近", "nearly"), ("约", "about"), ("不到", "less_than"),
            ("接近", "nearly"), ("至少", "at_least")],
    "post": [("以上", "at_least"), ("左右", "about"), ("以下", "at_most")],
    "digits": "零一二三四五六七八九",
}
EN = {
    "places": ["Ohio", "Georgia", "Tennessee", "Bavaria", "Guangdong", "Penang", "Gujarat", "Monterrey", "Haiphong",
               "South Carolina", "Silesia", "Chonburi", "Texas", "Ontario"],
    "companies": ["Northstar Components", "Pacific Cell Works", "Meridian Steel", "Apex Motors", "Keystone Semiconductor",
                  "Bluewater Chemicals", "Summit Solar", "Ironbridge Machinery", "Lumen Electronics"],
    "count_ent": ["workers", "jobs", "engineers", "suppliers", "vehicles", "robots", "plants", "units", "employees",
                  "projects", "production lines"],
    "metrics": ["revenue", "exports", "capital spending", "operating profit", "net income", "investment"],
    "products": ["crude steel", "cement", "aluminium", "copper cathode", "cathode material", "polysilicon", "fertiliser"],
    "approx": [("more than", "more_than"), ("over", "more_than"), ("nearly", "nearly"), ("almost", "nearly"),
               ("about", "about"), ("around", "about"), ("roughly", "about"), ("at least", "at_least"),
               ("up to", "at_most"), ("less than", "less_than")],
    "words": {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 10: "ten", 12: "a dozen",
              20: "twenty", 25: "twenty-five"},
}

# Sentences that carry no figure: news prose around the numbers (quotes, background,
# plans). Real articles are mostly such sentences (the seed articles hold one figure per
# ~1.6 KB); without them the corpus would be a wall of figures. No digit, no number word.
CONTEXT = {
    "vi": [
        "Theo lãnh đạo {comp}, thị trường xuất khẩu đang phục hồi và đơn hàng cho {prod} ổn định hơn.",
        "Ông Nguyễn Văn Hùng, đại diện {comp}, cho biết doanh nghiệp ưu tiên tự động hóa và đào tạo nhân lực.",
        "Chính quyền tỉnh {place} cam kết tạo điều kiện thuận lợi về thủ tục và hạ tầng cho nhà đầu tư.",
        "Các chuyên gia nhận định ngành {prod} vẫn chịu áp lực từ giá nguyên liệu đầu vào và chi phí logistics.",
        "Bà Trần Thị Mai, giám đốc nhà máy tại {place}, cho rằng chuyển đổi xanh là yêu cầu bắt buộc.",
        "Hiệp hội doanh nghiệp kiến nghị đơn giản hóa thủ tục hoàn thuế giá trị gia tăng.",
        "Dự án được kỳ vọng góp phần nâng cao năng lực cạnh tranh của ngành công nghiệp địa phương.",
        "{comp} đang đàm phán với các đối tác Nhật Bản và Hàn Quốc để mở rộng chuỗi cung ứng {prod}.",
        "Nhiều doanh nghiệp tại {place} đã chủ động tìm kiếm thị trường mới thay vì phụ thuộc vào khách hàng truyền thống.",
        "Theo Bộ Công Thương, việc thu hút đầu tư cần gắn với chuyển giao công nghệ và phát triển công nghiệp hỗ trợ.",
        "Lãnh đạo {comp} cho biết công ty sẽ tiếp tục tái cấu trúc và cắt giảm chi phí không cần thiết.",
        "Tình trạng thiếu lao động có tay nghề vẫn là trở ngại lớn đối với các khu công nghiệp ở {place}.",
    ],
    "zh": [
        "{comp}负责人表示，公司将继续加大研发投入，推动{prod}产品向高端化、智能化方向发展。",
        "业内人士认为，{prod}行业仍面临原材料价格波动和市场需求放缓的压力。",
        "{place}有关部门表示，将进一步优化营商环境，为企业提供更加便利的政务服务。",
        "专家指出，制造业转型升级的关键在于提升自主创新能力和产业链供应链韧性。",
        "据了解，该项目建成后将有效带动上下游配套企业集聚发展。",
        "{comp}董事长在接受采访时说，企业正在积极开拓海外市场，布局东南亚和中东地区。",
        "当地政府鼓励企业开展智能化改造和数字化转型，推动绿色低碳发展。",
        "分析人士表示，随着政策效应逐步显现，市场信心有望持续恢复。",
        "{place}正在加快建设先进制造业集群，吸引龙头企业和专精特新企业落户。",
        "记者在{comp}的生产车间看到，工人们正在紧张有序地组装设备。",
        "行业协会呼吁加强标准体系建设，规范市场秩序，避免低价恶性竞争。",
        "企业普遍反映，融资成本和用工成本仍是经营中的主要困难。",
    ],
    "en": [
        "Executives at {comp} said demand for {prod} had steadied after a weak start to the year.",
        "Officials in {place} said they would speed up permits and improve roads around the industrial zone.",
        "Analysts said higher energy costs and weaker export orders continued to weigh on margins.",
        "The company said it would focus on automation, staff training and new markets in Southeast Asia.",
        "Union leaders welcomed the plan but warned that shift patterns at the plant needed to change.",
        "Industry groups have urged the government to simplify customs procedures for imported components.",
        "{comp} declined to comment on its talks with suppliers in {place}.",
        "Economists expect manufacturers to keep investing in equipment as borrowing costs ease.",
        "The project is part of a wider push to bring production of {prod} closer to customers.",
        "Local suppliers said they were still waiting for details of the contracts.",
        "Environmental groups raised concerns about water use at the site, which the company said it would address.",
        "Managers at the plant said shortages of skilled technicians remained the biggest constraint.",
    ],
}


# one-to-one simplified -> traditional map (same length, so offsets survive the conversion)
_T = str.maketrans(
    "万亿个业产发电区实现长车国为经济资项计机设吨亩时与进园厂营销额装储务会对过达约较动规划总气钢铁锂这点线"
    "条台辆门开关东华乐汇广东厅县镇级网络软硬质费贸币签约订单输运仓库风险标准议论讯记报闻"
    "导备称据数采购应两庆节场将预该丰联远苏汉宁湾滨岛顺润协围绕题讨届话咨询连续带间环为况统组织调尽积极优质",
    "萬億個業產發電區實現長車國為經濟資項計機設噸畝時與進園廠營銷額裝儲務會對過達約較動規劃總氣鋼鐵鋰這點線"
    "條臺輛門開關東華樂匯廣東廳縣鎮級網絡軟硬質費貿幣簽約訂單輸運倉庫風險標準議論訊記報聞"
    "導備稱據數採購應兩慶節場將預該豐聯遠蘇漢寧灣濱島順潤協圍繞題討屆話諮詢連續帶間環為況統組織調盡積極優質",
)


# --------------------------------------------------------------------------------------------
class Writer:
    """Language-specific figure fillers, all writing into a Doc."""

    def __init__(self, r: random.Random, lang: str):
        self.r, self.lang = r, lang
        self.series_n = 0

    # helpers
    def pick(self, n):
        """Next template number from a shuffled bag, so a document rarely repeats one."""
        bag = getattr(self, "_bag", None)
        if not bag:
            bag = self._bag = list(range(n))
            self.r.shuffle(bag)
        return bag.pop()

    def year(self):
        return self.r.randint(2015, 2026)

    def new_series(self, prefix):
        self.series_n += 1
        return f"{prefix}{self.series_n}"

    # ---------------- Vietnamese
    def vi_qual(self, d: Doc, p=0.35):
        if self.r.random() < p:
            w, a = self.r.choice(VI["approx"])
            d.add(w + " ")
            return a
        return "exact"

    def vi_count(self, d: Doc, ent=None, period="", lo=5, hi=50000):
        ent = ent or self.r.choice(VI["count_ent"])
        a = self.vi_qual(d)
        if hi <= 20 and self.r.random() < 0.4:
            n = self.r.choice([k for k in VI["words"] if k <= hi])
            d.fig(VI["words"][n], n, "", "count", a, ent, period=period)
        elif hi >= 1e4 and self.r.random() < 0.15:
            s, v = fmt(self.r, "vi", 1.2, 9.5, (1,))
            scale, word = self.r.choice([(1e3, "nghìn"), (1e3, "ngàn"), (1e6, "triệu")])
            d.fig(f"{s} {word}", round(v * scale, 6), "", "count", a, ent, period=period)
        else:
            s, v = fmt(self.r, "vi", lo, hi, (0,))
            d.fig(s, v, "", "count", a, ent, period=period)
        d.add(" " + ent)

    def vi_money(self, d: Doc, ent="", period="", approx=True, series="", role="", kind=None):
        a = self.vi_qual(d) if approx else "exact"
        kind = self.r.random() if kind is None else kind
        if kind < 0.45:
            scale, word = self.r.choice([(1e6, "triệu USD"), (1e9, "tỷ USD"), (1e6, "triệu đô la")])
            s, v = fmt(self.r, "vi", 1.2, 950 if scale == 1e6 else 25)
            unit = "USD"
        elif kind < 0.9:
            s, v = fmt(self.r, "vi", 5, 98000)
            scale, word = self.r.choice([(1e9, "tỷ đồng"), (1e9, "tỷ VNĐ"), (1e6, "triệu đồng"), (1e9, "tỉ đồng")])
            unit = "VND"
        else:
            s, v = fmt(self.r, "vi", 1.5, 120)
            scale, word = (1e12, "nghìn tỷ đồng")
            unit = "VND"
        d.fig(f"{s} {word}", round(v * scale, 3), unit, "money", a, ent, series, role, period)

    def vi_pct(self, d: Doc, ent="", period="", approx=True, series="", role="", hi=95):
        a = self.vi_qual(d, 0.25) if approx else "exact"
        s, v = fmt(self.r, "vi", 0.5, hi, (0, 1, 1, 2))
        surf = f"{s}%" if self.r.random() < 0.85 else f"{s} phần trăm"
        d.fig(surf, v, "percent", "percent", a, ent, series, role, period)

    def vi_measure(self, d: Doc, period="", cats=range(6)):
        a = self.vi_qual(d, 0.3)
        c = self.r.choice(list(cats))
        if c == 0:
            s, v = fmt(self.r, "vi", 5, 1200, (0, 1, 2))
            w = self.r.choice(["ha", "héc-ta"])
            d.fig(f"{s} {w}", v, "hectare", "area", a, period=period)
        elif c == 1:
            s, v = fmt(self.r, "vi", 500, 250000, (0,))
            d.fig(f"{s} {self.r.choice(['m2', 'm²'])}", v, "m**2", "area", a, period=period)
        elif c == 2:
            s, v = fmt(self.r, "vi", 1.1, 980, (0, 1, 2))
            scale, word = self.r.choice([(1, "tấn"), (1e3, "nghìn tấn"), (1e6, "triệu tấn")])
            d.fig(f"{s} {word}", round(v * scale, 3), "tonne", "mass", a, self.r.choice(VI["products"]), period=period)
        elif c == 3:
            s, v = fmt(self.r, "vi", 1.5, 900, (0, 1))
            scale, word = self.r.choice([(1e6, "triệu kWh"), (1e9, "tỷ kWh")])
            d.fig(f"{s} {word}", round(v * scale, 3), "kilowatt_hour", "energy", a, "điện năng", period=period)
        elif c == 4:
            s, v = fmt(self.r, "vi", 2, 4500, (0, 1))
            d.fig(f"{s} MW", v, "megawatt", "power", a, "công suất", period=period)
        else:
            s, v = fmt(self.r, "vi", 1.5, 800, (0, 1))
            scale, word = self.r.choice([(1e6, "triệu lít"), (1, "m3")])
            unit = "L" if word != "m3" else "m**3"
            d.fig(f"{s} {word}", round(v * scale, 3), unit, "volume", a, period=period)

    def vi_sentence(self, d: Doc):
        r = self.r
        y = self.year()
        place, comp, prod = r.choice(VI["places"]), r.choice(VI["companies"]), r.choice(VI["products"])
        t = self.pick(14)
        if t == 0:
            d.add(f"Năm {y}, {comp} đạt {r.choice(VI['metrics'])} ")
            self.vi_money(d, period=str(y))
            d.add(", tăng ")
            self.vi_pct(d, approx=False, period=str(y))
            d.add(" so với năm trước.")
        elif t == 1:
            s = self.new_series("s")
            y0 = r.randint(2015, 2022)
            m = r.choice(VI["metrics"])
            y1 = y0 + r.randint(1, 4)
            kind = r.random()
            mk = d.mark()
            for _ in range(20):
                d.rollback(mk)
                d.add(f"{m[0].upper() + m[1:]} của tỉnh {place} tăng từ ")
                self.vi_money(d, m, str(y0), False, s, "from", kind)
                d.add(f" năm {y0} lên ")
                self.vi_money(d, m, str(y1), False, s, "to", kind)
                if d.rising():
                    break
            d.add(f" năm {y1}.")
        elif t == 2:
            d.add(f"Nhà máy mới tại {place} có diện tích ")
            self.vi_measure(d, cats=(0, 1))
            d.add(", dự kiến tuyển dụng ")
            self.vi_count(d, "lao động")
            d.add(".")
        elif t == 3:
            s = self.new_series("r")
            a, b = sorted(r.sample(range(3, 30), 2))
            d.add("Các doanh nghiệp dự báo đơn hàng quý tới sẽ tăng ")
            d.fig(str(a), a, "percent", "percent", series=s, role="low")
            d.add("-")
            d.fig(f"{b}%", b, "percent", "percent", series=s, role="high")
            d.add(".")
        elif t == 4:
            d.add(f"Theo Nghị định {r.randint(10, 180)}/{y}/NĐ-CP có hiệu lực từ ngày {r.randint(1, 28)}/{r.randint(1, 12)}/{y}, "
                  "doanh nghiệp công nghệ cao được miễn thuế thu nhập doanh nghiệp trong ")
            n = r.choice([2, 4])
            d.fig(f"{n} năm", n, "year", "duration")
            d.add(".")
        elif t == 5:
            d.add(f"Sản lượng {prod} của {comp} trong quý {r.choice(['I', 'II', 'III', 'IV'])} đạt ")
            self.vi_measure(d, cats=(2,))
            d.add(", chiếm ")
            self.vi_pct(d)
            d.add(" thị phần.")
        elif t == 6:
            d.add(f"Đây là lần thứ {r.choice(['hai', 'ba', 'tư', str(r.randint(2, 9))])} hội chợ công nghiệp hỗ trợ được tổ chức tại "
                  f"{place}, trong khuôn khổ chương trình chuyển đổi số và công nghiệp 4.0.")
        elif t == 7:
            d.add("Lũy kế đến nay, tỉnh đã thu hút ")
            self.vi_count(d, "dự án FDI", lo=40, hi=2500)
            d.add(" với tổng vốn đăng ký ")
            self.vi_money(d, "tổng vốn đăng ký")
            d.add(".")
        elif t == 8:
            d.add(f"Mọi thắc mắc xin liên hệ đường dây nóng 0{r.randint(200, 299)}.{r.randint(3000000, 3999999)} "
                  f"hoặc truy cập https://{r.choice(['moit', 'mpi', 'gso'])}.gov.vn/tin-tuc/{y}/{r.randint(100, 999)}.")
        elif t == 9:
            n = r.randint(6, 36)
            d.add(f"Dự án được thi công trong ")
            a = self.vi_qual(d, 0.4)
            d.fig(f"{n} tháng", n, "month", "duration", a)
            d.add(f" và dự kiến đi vào vận hành từ quý {r.choice(['I', 'II', 'III', 'IV'])}/{y}.")
        elif t == 10:
            s, v = fmt(self.r, "vi", 0.1, 3.5, (1, 2))
            d.add("Chỉ số sản xuất công nghiệp (IIP) tháng " + str(r.randint(1, 12)) + " tăng ")
            self.vi_pct(d, "IIP", approx=False, hi=15)
            d.add(", cao hơn ")
            d.fig(f"{s} điểm phần trăm", v, "percentage_point", "percent")
            d.add(" so với tháng trước.")
        elif t == 11:
            d.add(f"Ông {r.choice(['Nguyễn Văn', 'Trần Minh', 'Lê Hoàng', 'Phạm Quốc'])} {r.choice(['Hải', 'Dũng', 'Long', 'Tuấn'])}, "
                  f"Tổng Giám đốc {comp}, cho biết mạng 5G riêng đã giúp giảm ")
            self.vi_pct(d, "tỷ lệ lỗi")
            d.add(" tỷ lệ lỗi trên dây chuyền.")
        elif t == 12:
            d.add(f"Hệ thống điện mặt trời mái nhà tại {place} có công suất ")
            s, v = fmt(self.r, "vi", 0.5, 12, (1, 2))
            d.fig(f"{s} MW", v, "megawatt", "power")
            d.add(", mỗi năm cung cấp ")
            a = self.vi_qual(d, 0.5)
            s2, v2 = fmt(self.r, "vi", 0.6, 15, (1,))
            d.fig(f"{s2} triệu kWh", round(v2 * 1e6, 3), "kilowatt_hour", "energy", a)
            d.add(".")
        else:
            d.add("Sau ")
            n = r.randint(2, 30)
            d.fig(f"{n} năm", n, "year", "duration")
            d.add(f" hoạt động tại {place}, {comp} đã có ")
            self.vi_count(d, "nhà máy", lo=2, hi=12)
            d.add(".")

    def vi_headline(self, d: Doc):
        comp = self.r.choice(VI["companies"])
        d.add(f"{comp} đầu tư ")
        self.vi_money(d, "vốn đầu tư", approx=False)
        d.add(f" mở rộng nhà máy tại {self.r.choice(VI['places'])}")

    def vi_dateline(self, d: Doc):
        y = self.year()
        d.add(f"{self.r.choice(VI['places'])}, ngày {self.r.randint(1, 28)}/{self.r.randint(1, 12)}/{y} – ")

    # ---------------- Chinese
    def zh_cn(self, n: int) -> str:
        """Chinese numeral for 1..99999."""
        D = ZH["digits"]
        if n < 10:
            return D[n]
        if n < 20:
            return "十" + (D[n % 10] if n % 10 else "")
        out, units = "", [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
        zero = False
        for u, w in units:
            q, n = divmod(n, u)
            if q:
                if zero:
                    out += "零"
                out += ("两" if q == 2 and u >= 1000 else D[q]) + w
                zero = False
            elif out:
                zero = True
        if n:
            out += ("零" if zero else "") + D[n]
        return out

    def zh_pre(self, d: Doc, p=0.3):
        if self.r.random() < p:
            w, a = self.r.choice(ZH["pre"])
            d.add(w)
            return a
        return "exact"

    def zh_num(self, lo, hi, decimals=(0, 1, 1, 2)):
        return fmt(self.r, "zh", lo, hi, decimals)

    def zh_count(self, d: Doc, period="", ents=None):
        cl, ent = self.r.choice(ents or ZH["count_ent"])
        a = self.zh_pre(d)
        if self.r.random() < 0.15:
            n = self.r.choice([3, 5, 8, 12, 35, 120, 260, 2000, 3600])
            d.fig(self.zh_cn(n), n, "", "count", a, ent, period=period)
        elif ent in ("员工", "新能源汽车", "就业岗位", "工业机器人") and self.r.random() < 0.5:
            s, v = self.zh_num(1.2, 980)
            d.fig(s + "万", round(v * 1e4, 3), "", "count", a, ent, period=period)
        else:
            s, v = self.zh_num(3, 9000, (0,))
            d.fig(s, v, "", "count", a, ent, period=period)
        d.add(cl + ent)

    def zh_money(self, d: Doc, ent="", period="", approx=True, series="", role="", choice=None):
        a = self.zh_pre(d) if approx else "exact"
        s, v = self.zh_num(1.1, 9800)
        scale, word, unit = choice or self.r.choice([(1e8, "亿元", "CNY"),
                                           (1e8, "亿美元", "USD"), (1e8, "亿港元", "HKD"), (1e8, "亿元人民币", "CNY")])
        if word == "万亿元":
            s, v = self.zh_num(1.1, 45, (1, 2))
        d.fig(s + word, round(v * scale, 3), unit, "money", a, ent, series, role, period)
        return scale, word, unit

    def zh_pct(self, d: Doc, ent="", period="", approx=True, series="", role=""):
        a = self.zh_pre(d, 0.2) if approx else "exact"
        if self.r.random() < 0.08:
            n = self.r.choice([10, 15, 20, 25, 30, 45, 60])
            d.fig("百分之" + self.zh_cn(n), n, "percent", "percent", a, ent, series, role, period)
        else:
            s, v = self.zh_num(0.3, 95)
            d.fig(s + "%", v, "percent", "percent", a, ent, series, role, period)

    def zh_measure(self, d: Doc, period="", cats=range(6)):
        a = self.zh_pre(d, 0.3)
        c = self.r.choice(list(cats))
        prod = self.r.choice(ZH["products"])
        if c == 0:
            s, v = self.zh_num(1.1, 980)
            scale, word = self.r.choice([(1e4, "万吨"), (1e8, "亿吨"), (1, "吨")])
            d.fig(s + word, round(v * scale, 3), "tonne", "mass", a, prod, period=period)
        elif c == 1:
            s, v = self.zh_num(50, 9000, (0,))
            d.fig(s + "亩", round(v / 15, 6), "hectare", "area", a, period=period)
        elif c == 2:
            s, v = self.zh_num(1.5, 120, (0, 1))
            scale, word, unit = self.r.choice([(1e4, "万平方米", "m**2"), (1, "公顷", "hectare"), (1, "平方公里", "km**2")])
            d.fig(s + word, round(v * scale, 3), unit, "area", a, period=period)
        elif c == 3:
            s, v = self.zh_num(1.1, 950)
            scale, word = self.r.choice([(1e8, "亿千瓦时"), (1e4, "万千瓦时"), (1e4, "万度"), (1e8, "亿度")])
            d.fig(s + word, round(v * scale, 3), "kilowatt_hour", "energy", a, "发电量", period=period)
        elif c == 4:
            s, v = self.zh_num(1.1, 950)
            scale, word, unit = self.r.choice([(1e4, "万千瓦", "kilowatt"), (1, "兆瓦", "megawatt"), (1, "GW", "gigawatt")])
            d.fig(s + word, round(v * scale, 3), unit, "power", a, "装机容量", period=period)
        else:
            s, v = self.zh_num(5, 2000, (0,))
            d.fig(s + "公里", v, "km", "length", a, period=period)
        if a == "exact" and self.r.random() < 0.15:
            w, a2 = self.r.choice(ZH["post"])
            d.figs[-1]["approx"] = a2
            d.add(w)

    def zh_sentence(self, d: Doc):
        r = self.r
        y = self.year()
        place, comp, prod = r.choice(ZH["places"]), r.choice(ZH["companies"]), r.choice(ZH["products"])
        t = self.pick(14)
        if t == 0:
            m = r.choice(ZH["metrics"])
            d.add(f"{y}年，{comp}实现{m}")
            self.zh_money(d, m, str(y))
            d.add("，同比增长")
            self.zh_pct(d, approx=False, period=str(y))
            d.add("。")
        elif t == 1:
            s = self.new_series("s")
            y0 = r.randint(2012, 2021)
            y1 = y0 + r.randint(2, 5)
            m = r.choice(ZH["metrics"])
            verb = r.choice(["增长到", "提高到", "增加到"])
            mk = d.mark()
            for _ in range(20):
                d.rollback(mk)
                d.add(f"{y0}年到{y1}年，{place}{m}从")
                first = (1e12, "万亿元", "CNY") if r.random() < 0.4 else None
                choice = self.zh_money(d, m, str(y0), False, s, "from", first)
                d.add(verb)
                self.zh_money(d, m, str(y1), False, s, "to", choice)
                if d.rising():
                    break
            d.add("。")
        elif t == 2:
            d.add(f"该项目位于{place}，总投资")
            self.zh_money(d, "总投资")
            d.add("，规划年产")
            self.zh_measure(d, cats=(0,))
            d.add(f"{prod}。")
        elif t == 3:
            s = self.new_series("r")
            a, b = sorted(r.sample(range(2, 9), 2))
            d.add("业内人士预计，")
            d.fig(str(a), a, "year", "duration", series=s, role="low")
            d.add("至")
            d.fig(f"{b}年", b, "year", "duration", series=s, role="high")
            d.add(f"内，国产{prod}的市场占有率将提升至")
            self.zh_pct(d, "市场占有率", approx=False)
            d.add("以上。")
            d.figs[-1]["approx"] = "at_least"
        elif t == 4:
            d.add(f"{r.randint(1, 12)}月{r.randint(1, 28)}日，第{self.zh_cn(r.randint(2, 12))}届世界智能制造大会在{place}开幕，"
                  f"会议围绕“十四五”规划和5G、工业4.0等议题展开讨论。")
        elif t == 5:
            d.add(f"今年前三季度，{comp}{prod}产量达")
            self.zh_measure(d, cats=(0,))
            d.add("，占全国总产量的")
            self.zh_pct(d)
            d.add("。")
        elif t == 6:
            d.add(f"根据国发〔{y}〕{r.randint(1, 40)}号文件第{self.zh_cn(r.randint(2, 30))}条规定，企业应于每年{r.randint(1, 12)}月"
                  f"{r.randint(1, 28)}日前报送能耗数据。")
        elif t == 7:
            d.add(f"截至目前，{place}已累计引进")
            self.zh_count(d, ents=[("家", "企业"), ("个", "项目")])
            d.add("，协议投资额")
            self.zh_money(d, "协议投资额")
            d.add("。")
        elif t == 8:
            d.add(f"咨询电话：0{r.randint(10, 999)}-{r.randint(60000000, 89999999)}，网址：www.{r.choice(['miit', 'ndrc', 'stats'])}.gov.cn。")
        elif t == 9:
            n = r.randint(6, 36)
            d.add("项目建设周期为")
            d.fig(f"{n}个月", n, "month", "duration")
            d.add(f"，预计{y}年{r.randint(1, 12)}月竣工投产。")
        elif t == 10:
            s, v = self.zh_num(0.1, 3.5, (1,))
            d.add(f"{r.randint(1, 12)}月份，制造业采购经理指数（PMI）为")
            s2, v2 = self.zh_num(47, 52.5, (1,))
            d.fig(s2 + "%", v2, "percent", "percent", entity="制造业采购经理指数")
            d.add("，比上月" + r.choice(["上升", "下降"]))
            d.fig(s + "个百分点", v, "percentage_point", "percent")
            d.add("。")
        elif t == 11:
            d.add(f"{comp}（{r.randint(600000, 605999)}.SH）公告称，公司第{self.zh_cn(r.randint(2, 5))}届董事会同意新建")
            self.zh_count(d, ents=[("条", "生产线"), ("座", "工厂"), ("套", "储能系统")])
            d.add("。")
        elif t == 12:
            d.add(f"{place}新增光伏装机")
            self.zh_measure(d, cats=(4,))
            d.add("，年发电量")
            self.zh_measure(d, cats=(3,))
            d.add("，每年可节约标准煤约")
            s, v = self.zh_num(1.1, 90, (0, 1))
            d.fig(s + "万吨", round(v * 1e4, 3), "tonne", "mass", "about", "标准煤")
            d.add("。")
        else:
            n = r.randint(2, 15)
            d.add(f"该企业已连续")
            d.fig(f"{n}年", n, "year", "duration")
            d.add(f"保持行业第一，累计带动就业")
            s, v = self.zh_num(1.1, 9.9, (0,))
            k = r.randint(1, 9)
            d.fig(f"{int(v)}万{k}000", int(v) * 10000 + k * 1000, "", "count", entity="人")
            d.add("人。")

    def zh_headline(self, d: Doc):
        d.add(f"{self.r.choice(ZH['companies'])}投资")
        self.zh_money(d, "投资", approx=False)
        d.add(f"在{self.r.choice(ZH['places'])}建设新基地")

    def zh_dateline(self, d: Doc):
        d.add(f"本报{self.r.choice(['北京', '上海', '深圳', '合肥', '苏州'])}{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日电 ")

    # ---------------- English
    def en_qual(self, d: Doc, p=0.35):
        if self.r.random() < p:
            w, a = self.r.choice(EN["approx"])
            d.add(w + " ")
            return a
        return "exact"

    def en_count(self, d: Doc, ent=None, period="", lo=5, hi=60000):
        ent = ent or self.r.choice(EN["count_ent"])
        a = self.en_qual(d)
        if hi <= 20 and self.r.random() < 0.4:
            n = self.r.choice([k for k in EN["words"] if k <= hi])
            d.fig(EN["words"][n], n, "", "count", a, ent, period=period)
        elif hi >= 1e6 and self.r.random() < 0.3:
            s, v = fmt(self.r, "en", 1.1, 9.5, (1,))
            d.fig(f"{s} million", round(v * 1e6, 3), "", "count", a, ent, period=period)
        else:
            s, v = fmt(self.r, "en", lo, hi, (0,))
            d.fig(s, v, "", "count", a, ent, period=period)
        d.add(" " + ent)

    def en_money(self, d: Doc, ent="", period="", approx=True, series="", role=""):
        a = self.en_qual(d) if approx else "exact"
        c = self.r.randrange(7)
        s, v = fmt(self.r, "en", 1.1, 40 if c in (0, 3, 6) else 950, (0, 1, 1, 2))
        if c == 0:
            surf, val, unit = f"${s} billion", v * 1e9, "USD"
        elif c == 1:
            surf, val, unit = f"${s} million", v * 1e6, "USD"
        elif c == 2:
            surf, val, unit = f"US${s} million", v * 1e6, "USD"
        elif c == 3:
            surf, val, unit = f"${s}bn", v * 1e9, "USD"
        elif c == 4:
            surf, val, unit = f"€{s} million", v * 1e6, "EUR"
        elif c == 5:
            surf, val, unit = f"£{s}m", v * 1e6, "GBP"
        else:
            surf, val, unit = f"{s} billion yuan", v * 1e9, "CNY"
        d.fig(surf, round(val, 3), unit, "money", a, ent, series, role, period)

    def en_pct(self, d: Doc, ent="", period="", approx=True, series="", role=""):
        a = self.en_qual(d, 0.25) if approx else "exact"
        s, v = fmt(self.r, "en", 0.3, 95, (0, 1, 1))
        surf = self.r.choice([f"{s}%", f"{s}%", f"{s}%", f"{s} per cent", f"{s} percent"])
        d.fig(surf, v, "percent", "percent", a, ent, series, role, period)

    def en_measure(self, d: Doc, period="", qual=True, c=None):
        a = self.en_qual(d, 0.3) if qual else "exact"
        c = self.r.randrange(6) if c is None else c
        if c == 0:
            s, v = fmt(self.r, "en", 1.1, 950, (0, 1, 2))
            scale, word = self.r.choice([(1e6, "million tonnes"), (1, "tonnes"), (1e6, "million metric tons")])
            d.fig(f"{s} {word}", round(v * scale, 3), "tonne", "mass", a, self.r.choice(EN["products"]), period=period)
        elif c == 1:
            s, v = fmt(self.r, "en", 10, 900, (0,))
            word, unit = self.r.choice([("hectares", "hectare"), ("acres", "acre")])
            d.fig(f"{s} {word}", v, unit, "area", a, period=period)
        elif c == 2:
            s, v = fmt(self.r, "en", 20000, 2500000, (0,))
            d.fig(f"{s} sq ft", v, "foot**2", "area", a, period=period)
        elif c == 3:
            s, v = fmt(self.r, "en", 1.5, 95, (0, 1))
            word, unit = self.r.choice([("GWh", "gigawatt_hour"), ("million kWh", "kilowatt_hour")])
            val = v * 1e6 if word == "million kWh" else v
            d.fig(f"{s} {word}", round(val, 3), unit, "energy", a, period=period)
        elif c == 4:
            s, v = fmt(self.r, "en", 5, 2500, (0,))
            word, unit = self.r.choice([("MW", "megawatt"), ("megawatts", "megawatt")])
            d.fig(f"{s} {word}", v, unit, "power", a, period=period)
        else:
            s, v = fmt(self.r, "en", 10, 950, (0,))
            scale = self.r.choice([1, 1000])
            surf = f"{s},000 barrels" if scale == 1000 else f"{s} barrels"
            d.fig(surf, v * scale, "oil_barrel", "volume", a, period=period)

    def en_sentence(self, d: Doc):
        r = self.r
        y = self.year()
        place, comp, prod = r.choice(EN["places"]), r.choice(EN["companies"]), r.choice(EN["products"])
        t = self.pick(14)
        if t == 0:
            m = r.choice(EN["metrics"])
            d.add(f"{comp} said its {m} rose ")
            self.en_pct(d, approx=False, period=str(y))
            d.add(" to ")
            self.en_money(d, m, str(y), approx=False)
            d.add(f" in {y}.")
        elif t == 1:
            s = self.new_series("s")
            y0 = r.randint(2015, 2021)
            y1 = y0 + r.randint(1, 4)
            verb = r.choice(['rose', 'increased', 'fell'])
            mk = d.mark()
            for _ in range(20):
                d.rollback(mk)
                d.add(f"Output of {prod} in {place} {verb} from ")
                self.en_measure(d, str(y0), False, 0)
                d.figs[-1].update(series=s, role="from")
                d.add(f" in {y0} to ")
                self.en_measure(d, str(y1), False, 0)
                d.figs[-1].update(series=s, role="to")
                if d.rising(verb != "fell"):
                    break
            d.add(f" in {y1}.")
        elif t == 2:
            d.add(f"The new plant in {place} will cost ")
            self.en_money(d, "plant")
            d.add(" and create ")
            self.en_count(d, "jobs")
            d.add(".")
        elif t == 3:
            s = self.new_series("r")
            a, b = sorted(r.sample(range(3, 30), 2))
            d.add("Analysts expect prices to rise ")
            d.fig(str(a), a, "percent", "percent", series=s, role="low")
            d.add("-")
            d.fig(f"{b}%", b, "percent", "percent", series=s, role="high")
            d.add(" next year.")
        elif t == 4:
            d.add(f"The agreement, signed on {r.choice(['March', 'May', 'June', 'Oct.', 'Dec.'])} {r.randint(1, 28)}, {y}, "
                  f"covers Industry 4.0 upgrades and private 5G networks at the No. {r.randint(2, 9)} plant.")
        elif t == 5:
            d.add(f"{comp} produced ")
            self.en_measure(d, c=0)
            d.add(f" in the {r.choice(['first', 'second', 'third', 'fourth'])} quarter, about ")
            self.en_pct(d, approx=False)
            d.figs[-1]["approx"] = "about"
            d.add(" of the market.")
        elif t == 6:
            d.add(f"It was the {r.choice(['third', 'fourth', '21st', '5th'])} time in {y} that the company revised its "
                  f"guidance for fiscal {y + 1}.")
        elif t == 7:
            d.add(f"{place} has attracted ")
            self.en_count(d, "projects", lo=20, hi=900)
            d.add(" worth ")
            self.en_money(d, "investment")
            d.add(" since 2020.")
        elif t == 8:
            d.add(f"For details, call +1 ({r.randint(200, 989)}) 555-{r.randint(1000, 9999)} or visit "
                  f"www.{comp.split()[0].lower()}.com/investors before 5 p.m.")
        elif t == 9:
            n = r.randint(6, 36)
            d.add("Construction is expected to take ")
            a = self.en_qual(d, 0.4)
            d.fig(f"{n} months", n, "month", "duration", a)
            d.add(f", with production starting in Q{r.randint(1, 4)} {y}.")
        elif t == 10:
            s, v = fmt(self.r, "en", 0.1, 3.5, (1,))
            d.add("The purchasing managers' index rose ")
            d.fig(f"{s} percentage points", v, "percentage_point", "percent")
            d.add(" in " + r.choice(["January", "April", "July", "September"]) + ".")
        elif t == 11:
            d.add(f"Suppliers for the Boeing 737 and Airbus A320 programmes in {place} employ ")
            self.en_count(d, "machinists")
            d.add(".")
        elif t == 12:
            d.add(f"The rooftop array at the {place} site covers ")
            self.en_measure(d, c=r.choice([1, 2]))
            d.add(" and has a capacity of ")
            self.en_measure(d, c=4)
            d.add(".")
        else:
            n = r.randint(2, 30)
            d.add(f"{comp} has operated in {place} for ")
            d.fig(f"{n} years", n, "year", "duration")
            d.add(" and now runs ")
            self.en_count(d, "plants", lo=2, hi=14)
            d.add(" there.")

    def en_headline(self, d: Doc):
        d.add(f"{self.r.choice(EN['companies'])} to invest ")
        self.en_money(d, "investment", approx=False)
        d.add(f" in {self.r.choice(EN['places'])} plant")

    def en_dateline(self, d: Doc):
        d.add(f"{self.r.choice(['DETROIT', 'SEOUL', 'HANOI', 'FRANKFURT', 'MUMBAI', 'LONDON'])}, "
              f"{self.r.choice(['Jan.', 'March', 'May', 'Aug.', 'Nov.'])} {self.r.randint(1, 28)}, {self.year()} (Wire) - ")


def make_doc(r: random.Random, lang: str, target_chars: int, context: float = 0.0) -> Doc:
    w = Writer(r, lang)
    d = Doc()
    getattr(w, f"{lang}_headline")(d)
    d.add("\n\n")
    getattr(w, f"{lang}_dateline")(d)
    figure_sentence = getattr(w, f"{lang}_sentence")
    data = {"vi": VI, "zh": ZH, "en": EN}[lang]

    def context_sentence(d: Doc):
        d.add(r.choice(CONTEXT[lang]).format(comp=r.choice(data["companies"]), place=r.choice(data["places"]),
                                             prod=r.choice(data["products"])))

    while d.n < target_chars:
        k = r.randint(2, 5)
        for i in range(k):
            # on average ``context`` figure-free sentences for each sentence with figures
            use_context = context and r.random() < context / (1 + context)
            (context_sentence if use_context else figure_sentence)(d)
            if i < k - 1:
                d.add("" if lang == "zh" else " ")
        d.add("\n\n")
    byline = {"vi": r.choice(["Minh Anh", "Thu Hà", "Quốc Huy"]), "zh": "（责任编辑：" + r.choice(["王磊", "李娜", "陈晨"]) + "）",
              "en": "(Reporting by " + r.choice(["Anna Lee", "Raj Patel", "Tom Berg"]) + ")"}[lang]
    d.add(byline + "\n")
    if lang == "zh" and r.random() < 0.3:  # traditional script: 1:1 character map keeps offsets
        d.parts = [p.translate(_T) for p in d.parts]
        for f in d.figs:
            f["text"] = f["text"].translate(_T)
    return d


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--mb", type=float, default=10, help="total size in MB (UTF-8 bytes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--doc-kb", type=float, default=4, help="average document size in KB")
    ap.add_argument("--langs", default="vi,zh,en")
    ap.add_argument("--single-file", action="store_true", help="write one file OUT_DIR/corpus.txt")
    ap.add_argument("--gold", help="also write the placed figures as JSON Lines (scorer format)")
    ap.add_argument("--context", type=float, default=0.0,
                    help="figure-free sentences (quotes, background) per sentence with figures, on "
                         "average: 0 (default) writes only sentences with figures or distractors, "
                         "one figure every ~65 bytes; 2 gives one every ~200 bytes, closer to news")
    a = ap.parse_args(argv)
    langs = [x.strip() for x in a.langs.split(",") if x.strip()]
    if not langs or any(x not in ("vi", "zh", "en") for x in langs):
        ap.error("--langs takes vi, zh, en")
    r = random.Random(a.seed)
    total = int(a.mb * 1024 * 1024)
    os.makedirs(a.out_dir, exist_ok=True)
    gold = open(a.gold, "w", encoding="utf-8") if a.gold else None
    written = n = 0
    big = open(os.path.join(a.out_dir, "corpus.txt"), "w", encoding="utf-8", newline="") if a.single_file else None
    offset = 0  # str offset in the single file
    try:
        while written < total:
            lang = langs[n % len(langs)]
            kb = a.doc_kb * r.uniform(0.5, 1.5)
            chars = int(kb * 1024 / (2.6 if lang == "zh" else 1.15))
            d = make_doc(r, lang, chars, a.context)
            text = d.text()
            if big:
                if n:
                    big.write("\n")
                    offset += 1
                    written += 1
                doc_id, base = "corpus.txt", offset
                big.write(text)
                offset += len(text)
            else:
                rel = os.path.join(f"{lang}-{n // 1000:04d}", f"{lang}-{n:07d}.txt")
                path = os.path.join(a.out_dir, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
                doc_id, base = rel.replace(os.sep, "/"), 0
            written += len(text.encode("utf-8"))
            if gold:
                for fig in d.figs:
                    row = dict(fig, doc=doc_id, start=fig["start"] + base, end=fig["end"] + base, lang=lang)
                    gold.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if big:
            big.close()
        if gold:
            gold.close()
    print(f"wrote {n} documents, {written / 1048576:.2f} MB to {a.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
