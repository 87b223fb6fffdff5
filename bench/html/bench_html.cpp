// gtm-bench-html page|fragment KB [TAG]
// Parses one page (html::parsePage, what the website source does) or one fragment
// (html::toPlainText, what Tavily, NewsAPI and job boards' text goes through) made of KB
// kilobytes of an unclosed TAG (default <div>) followed by a sentence, and prints the time,
// the peak RSS of the process and whether the sentence survived. One case per process, so that
// the peak is the case's own.
#include "html/Html.h"

#include <QElapsedTimer>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>

using namespace gtm;

int main(int argc, char **argv)
{
    if (argc < 3 || (std::strcmp(argv[1], "page") != 0 && std::strcmp(argv[1], "fragment") != 0)) {
        std::fprintf(stderr, "usage: gtm-bench-html page|fragment KB [TAG]\n");
        return 2;
    }
    const bool page = std::strcmp(argv[1], "page") == 0;
    const int kb = std::atoi(argv[2]);
    const QByteArray tag = argc > 3 ? QByteArray(argv[3]) : QByteArrayLiteral("<div>");
    const QByteArray sentence = "Acme detects payment fraud.";
    const QByteArray input = tag.repeated(kb * 1024 / tag.size()) + sentence;

    QElapsedTimer timer;
    timer.start();
    QString text;
    if (page)
        text = html::parsePage(input).passages.join(u' ');
    else
        text = html::toPlainText(QString::fromUtf8(input));
    const qint64 ms = timer.elapsed();

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const bool kept = text.contains(QString::fromUtf8(sentence));
    std::printf("%s %d KB of %s: %lld ms, peak RSS %ld MB, text kept: %s\n", argv[1], kb,
        tag.constData(), static_cast<long long>(ms), usage.ru_maxrss / 1024, kept ? "yes" : "no");
    return kept ? 0 : 1;
}
