//! The XMP metadata stream: the title, language, author and tools as a PDF/UA reader expects to
//! find them, and the PDF/UA identification (`pdfuaid:part 1`).

use crate::page::DocumentInfo;

/// The metadata packet for `info`, to be written uncompressed as readers expect it.
pub(super) fn packet(info: &DocumentInfo) -> String {
    let mut dates = String::new();
    if let Some(produced) = info.produced {
        let date = produced.strftime("%Y-%m-%dT%H:%M:%SZ");
        dates = format!(
            "<xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate>"
        );
    }
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<rdf:Description rdf:about=\"\"",
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
            " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">",
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>",
            "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>",
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>",
            "<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>",
            "<pdf:Producer>{creator}</pdf:Producer>",
            "<pdf:Keywords>{keywords}</pdf:Keywords>",
            "<xmp:CreatorTool>{creator}</xmp:CreatorTool>",
            "{dates}",
            "<pdfuaid:part>1</pdfuaid:part>",
            "</rdf:Description></rdf:RDF></x:xmpmeta>\n",
            "<?xpacket end=\"w\"?>"
        ),
        title = escaped(&info.title),
        author = escaped(&info.author),
        subject = escaped(&info.subject),
        language = escaped(&info.language),
        creator = escaped(&info.creator),
        keywords = escaped(&info.keywords.join(", ")),
        dates = dates,
    )
}

/// `text` with XML's five special characters escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packet_names_the_title_language_and_pdf_ua() {
        let info = DocumentInfo {
            title: "LEDS & HOB <Open Space>".to_owned(),
            language: "cy".to_owned(),
            ..DocumentInfo::default()
        };
        let text = packet(&info);
        assert!(
            text.contains(
                "<rdf:li xml:lang=\"x-default\">LEDS &amp; HOB &lt;Open Space&gt;</rdf:li>"
            ),
            "{text}"
        );
        assert!(text.contains("<rdf:li>cy</rdf:li>"), "{text}");
        assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"), "{text}");
    }
}
