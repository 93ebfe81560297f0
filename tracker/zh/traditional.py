"""Traditional Chinese read with the simplified rules, character for character.

Hong Kong and Taiwan outlets write 萬, 億, 說, 據統計 where the rules expect 万, 亿, 说,
据统计. Mapping one character to one character keeps every offset, so the tracker
analyses the mapped text and still cuts surfaces, sentences and names from the original.
The table covers the characters of numerals, units, currencies and attribution words and
the commonest others; it is not a full converter (names keep what the table lacks).
"""

from __future__ import annotations

import re

PAIRS = (
    "萬万 億亿 兩两 個个 這这 說说 們们 為为 國国 會会 經经 來来 時时 點点 與与 發发 對对 後后 從从 "
    "過过 還还 進进 當当 應应 機机 現现 開开 關关 電电 場场 將将 產产 業业 實实 長长 間间 無无 學学 "
    "動动 體体 種种 義义 東东 區区 資资 價价 員员 總总 報报 數数 據据 統统 計计 預预 認认 顯显 錢钱 "
    "幣币 圓圆 鎊镑 歐欧 韓韩 輛辆 項项 條条 張张 噸吨 歲岁 億亿 臺台 灣湾 門门 車车 軍军 農农 銀银 "
    "行行 證证 券券 險险 團团 華华 陸陆 際际 級级 線线 網网 廣广 環环 較较 隨随 導导 強强 據据 視视 "
    "稱称 紹绍 計计 調调 査查 查查 測测 算算 顯显 績绩 營营 幅幅 額额 費费 貿贸 創创 橋桥 鐵铁 "
    "億亿 兆兆 筆笔 輸输 濟济 務务 費费 擔担 負负 責责 專专 團团 協协 組组 織织 處处 廳厅 局局 "
    "處处 屆届 歷历 紀纪 億亿 勝胜 負负 場场 隊队 賽赛 際际 舉举 辦办 會会 議议 論论 講讲 談谈 "
    "記记 者者 訪访 問问 題题 據据 悉悉 透透 露露 並并 於于 這这 裡里 麼么 嗎吗 讓让 給给 聽听 "
    "見见 覺觉 點点 邊边 遠远 連连 運运 達达 選选 還还 適适 遞递 週周 極极 樓楼 標标 樣样 權权 "
    "構构 樂乐 歡欢 氣气 漲涨 減减 測测 滿满 準准 災灾 熱热 燈灯 營营 爭争 獎奖 環环 現现 產产 "
    "畫画 當当 發发 盡尽 確确 礎础 禮礼 離离 稅税 穩稳 窮穷 範范 簡简 類类 紅红 約约 級级 純纯 "
    "細细 終终 組组 結结 絕绝 給给 統统 絲丝 經经 綜综 維维 網网 緊紧 線线 編编 縣县 總总 績绩 "
    "續续 聯联 聲声 職职 聽听 腦脑 與与 興兴 舊旧 艙舱 藝艺 藥药 處处 號号 蘇苏 術术 衛卫 裝装 "
    "製制 複复 規规 視视 親亲 覺觉 觀观 計计 訊讯 託托 記记 設设 許许 評评 詢询 試试 詳详 認认 "
    "語语 誤误 說说 調调 談谈 請请 諮咨 講讲 謝谢 證证 識识 議议 護护 讀读 變变 財财 貨货 販贩 "
    "貴贵 貸贷 費费 貿贸 資资 賣卖 質质 購购 贊赞 趨趋 跡迹 軟软 載载 輕轻 輸输 轉转 辦办 農农 "
    "這这 連连 週周 進进 遊游 運运 過过 達达 違违 遠远 適适 選选 遺遗 還还 邊边 郵邮 鄉乡 醫医 "
    "釋释 針针 鋼钢 錄录 鏈链 長长 門门 開开 閉闭 間间 閱阅 關关 陽阳 險险 隻只 雙双 雜杂 雞鸡 "
    "雲云 電电 靈灵 靜静 韓韩 頁页 項项 順顺 須须 預预 領领 頭头 題题 額额 風风 飛飞 餘余 館馆 "
    "馬马 驗验 體体 髮发 鬥斗 魚鱼 鳥鸟 麥麦 黃黄 齊齐 龍龙 臺台 颱台 佔占 併并 倆俩 傳传 價价 "
    "億亿 優优 兒儿 內内 劃划 劑剂 務务 勞劳 勢势 勵励 區区 協协 廠厂 參参 雙双 吳吴 啟启 員员 "
    "問问 單单 嚴严 圍围 圖图 團团 堅坚 報报 場场 塊块 壓压 壞坏 壯壮 夠够 奪夺 奮奋 婦妇 媽妈 "
    "孫孙 寧宁 實实 審审 寫写 寬宽 導导 屆届 屬属 島岛 峽峡 幫帮 幹干 廣广 廳厅 彈弹 歸归 徑径 "
    "徵征 從从 復复 態态 慮虑 憂忧 懷怀 戰战 戶户 擁拥 擇择 擊击 據据 擴扩 攜携 收收 敗败 敵敌 "
    "斷断 於于 昇升 暫暂 書书 會会 條条 東东 棄弃 極极 構构 標标 樣样 機机 權权 歐欧 歲岁 歷历 "
    "殺杀 殼壳 氣气 漁渔 滅灭 灣湾 燒烧 爾尔 牆墙 狀状 獨独 獲获 現现 環环 產产 畢毕 異异 當当 "
    "療疗 發发 盤盘 監监 碼码 礦矿 稱称 穀谷 種种 積积 競竞 筆笔 範范 築筑 簽签 糧粮 糾纠 紀纪 "
    "純纯 紙纸 級级 紛纷 素素 索索 紫紫 累累 細细 組组 終终 絡络 給给 統统 綠绿 網网 羅罗 義义 "
    "習习 聞闻 肅肃 脅胁 腳脚 臨临 興兴 艦舰 莊庄 華华 萬万 葉叶 蓋盖 蘭兰 虛虚 蟲虫 補补 "
    "裝装 襲袭 見见 規规 覽览 觸触 訂订 訓训 評评 詞词 話话 該该 誌志 諾诺 謂谓 證证 貝贝 負负 "
    "貢贡 責责 貫贯 賠赔 賦赋 賴赖 趙赵 跡迹 車车 軍军 軌轨 較较 輝辉 輪轮 辯辩 邁迈 鄭郑 醬酱 "
    "針针 鐘钟 銷销 鋪铺 錢钱 錯错 鍵键 鎮镇 鐵铁 閣阁 闆板 隊队 階阶 陳陈 陰阴 陸陆 隨随 險险 "
    "雖虽 雞鸡 難难 電电 響响 頂顶 順顺 頒颁 預预 頓顿 頻频 顧顾 顯显 飯饭 飲饮 餐餐 饒饶 騰腾 "
    "驅驱 驚惊 體体 鬧闹 魯鲁 鮮鲜 麗丽 點点 黨党 齡龄 億亿 兆兆 廈厦 鏡镜 爐炉 燃燃 礙碍 諸诸 "
    "儲储 鋰锂 釐厘 斤斤 噸吨 畝亩 頃顷 匯汇 鎊镑 幣币 圓圆 盧卢 韓韩 歐欧 瑞瑞 澳澳"
)
TRADITIONAL = str.maketrans({pair[0]: pair[1] for pair in PAIRS.split() if pair[0] != pair[1]})
# Characters found only in traditional writing, enough to tell a traditional text.
TRADITIONAL_HINT = re.compile(
    "[萬億兩個這說們為國會經來時點與發對後從過還進當應機現開關電場將產業實長間]"
)


def to_simplified(text: str) -> str:
    """``text`` with the table's traditional characters simplified; same length, same offsets."""
    if not TRADITIONAL_HINT.search(text):
        return text
    return text.translate(TRADITIONAL)
